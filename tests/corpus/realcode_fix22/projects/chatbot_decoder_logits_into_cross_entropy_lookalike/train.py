"""part of look-alike project [LG001]: the same training step at the fix commit: F.cross_entropy of the raw decoder scores."""

# Source: ywk991112/pytorch-chatbot@e707b5e2dd train.py (the fix commit; cut, renamed)
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

from model import AttnDecoder, Encoder

SOS_token = 1
EOS_token = 2
teacher_forcing_ratio = 1.0
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_step(inputs, lengths, targets, max_target_len, encoder, decoder, encoder_optimizer, decoder_optimizer, batch_size):
    encoder_optimizer.zero_grad()
    decoder_optimizer.zero_grad()
    inputs = inputs.to(device)
    targets = targets.to(device)
    loss = 0
    encoder_outputs, encoder_hidden = encoder(inputs, lengths, None)
    decoder_input = torch.LongTensor([[SOS_token for _ in range(batch_size)]]).to(device)
    decoder_hidden = encoder_hidden[: decoder.n_layers]
    if random.random() < teacher_forcing_ratio:
        for t in range(max_target_len):
            decoder_output, decoder_hidden, _ = decoder(decoder_input, decoder_hidden, encoder_outputs)
            decoder_input = targets[t].view(1, -1)
            loss += F.cross_entropy(decoder_output, targets[t], ignore_index=EOS_token)
    else:
        for t in range(max_target_len):
            decoder_output, decoder_hidden, _ = decoder(decoder_input, decoder_hidden, encoder_outputs)
            _, topi = decoder_output.topk(1)
            decoder_input = torch.LongTensor([[topi[i][0] for i in range(batch_size)]]).to(device)
            loss += F.cross_entropy(decoder_output, targets[t], ignore_index=EOS_token)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(encoder.parameters(), 50.0)
    torch.nn.utils.clip_grad_norm_(decoder.parameters(), 50.0)
    encoder_optimizer.step()
    decoder_optimizer.step()
    return loss.item() / max_target_len


def train_iters(batches, vocab_size, n_iteration, learning_rate, batch_size, n_layers, hidden_size, dropout, decoder_learning_ratio=5.0):
    embedding = nn.Embedding(vocab_size, hidden_size)
    encoder = Encoder(vocab_size, hidden_size, embedding, n_layers, dropout).to(device)
    decoder = AttnDecoder(embedding, hidden_size, vocab_size, n_layers, dropout).to(device)
    encoder_optimizer = optim.Adam(encoder.parameters(), lr=learning_rate)
    decoder_optimizer = optim.Adam(decoder.parameters(), lr=learning_rate * decoder_learning_ratio)
    print_loss = 0
    for iteration in range(1, n_iteration + 1):
        inputs, lengths, targets, mask, max_target_len = batches[iteration - 1]
        loss = train_step(inputs, lengths, targets, max_target_len, encoder, decoder, encoder_optimizer, decoder_optimizer, batch_size)
        print_loss += loss
        if iteration % 100 == 0:
            print(iteration, print_loss / 100)
            print_loss = 0
