"""positive [LG007]: attention-free GRU decoder returns self.out(output) (Linear logits) and the teacher-forcing loop sums nn.NLLLoss over time steps, then backward on the sum."""
import random

import torch
import torch.nn as nn
import torch.nn.functional as F

SOS_token = 0
MAX_LENGTH = 12


class EncoderRNN(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)

    def forward(self, token, hidden):
        return self.gru(self.embedding(token).view(1, 1, -1), hidden)


class DecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size):
        super().__init__()
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)

    def forward(self, token, hidden):
        output = F.relu(self.embedding(token).view(1, 1, -1))
        output, hidden = self.gru(output, hidden)
        return self.out(output[0]), hidden


def train_pair(src, tgt, encoder, decoder, enc_opt, dec_opt, criterion, tf_ratio=0.5):
    hidden = torch.zeros(1, 1, encoder.gru.hidden_size)
    enc_opt.zero_grad()
    dec_opt.zero_grad()
    for ei in range(src.size(0)):
        _, hidden = encoder(src[ei], hidden)
    dec_input = torch.tensor([[SOS_token]])
    loss = 0
    for di in range(tgt.size(0)):
        dec_out, hidden = decoder(dec_input, hidden)
        loss += criterion(dec_out, tgt[di])  # expect: LG007
        if random.random() < tf_ratio:
            dec_input = tgt[di]
        else:
            dec_input = dec_out.argmax(dim=1).detach()
    loss.backward()
    enc_opt.step()
    dec_opt.step()
    return loss.item() / tgt.size(0)


def train_iters(pairs, encoder, decoder, n_iters=75000, lr=0.01):
    enc_opt = torch.optim.SGD(encoder.parameters(), lr=lr)
    dec_opt = torch.optim.SGD(decoder.parameters(), lr=lr)
    criterion = nn.NLLLoss()
    for it in range(1, n_iters + 1):
        src, tgt = random.choice(pairs)
        loss = train_pair(src, tgt, encoder, decoder, enc_opt, dec_opt, criterion)
        if it % 1000 == 0:
            print(it, loss)
