"""part of look-alike project [LG007, LG011, LG006]: teacher-forced training with NLLLoss on the decoder's log-probabilities; step losses are summed into the loss that is back-propagated."""
import random

import torch
import torch.nn as nn

from seq2seq import AttnDecoderRNN, EncoderRNN

SOS, EOS = 0, 1


def train_pair(src, tgt, encoder, decoder, enc_opt, dec_opt, criterion, tf_ratio=0.5):
    enc_opt.zero_grad()
    dec_opt.zero_grad()
    enc_out, hidden = encoder(src)
    dec_in = torch.full((src.size(0), 1), SOS, dtype=torch.long, device=src.device)
    loss = 0
    for t in range(tgt.size(1)):
        log_probs, hidden = decoder(dec_in, hidden, enc_out)
        loss += criterion(log_probs, tgt[:, t])
        if random.random() < tf_ratio:
            dec_in = tgt[:, t].unsqueeze(1)
        else:
            dec_in = log_probs.argmax(dim=1, keepdim=True).detach()
    loss.backward()
    enc_opt.step()
    dec_opt.step()
    return loss.item() / tgt.size(1)


def main(pairs, in_vocab, out_vocab, iters=75000):
    enc = EncoderRNN(in_vocab, 256)
    dec = AttnDecoderRNN(256, out_vocab)
    enc_opt = torch.optim.SGD(enc.parameters(), lr=0.01)
    dec_opt = torch.optim.SGD(dec.parameters(), lr=0.01)
    criterion = nn.NLLLoss(ignore_index=EOS + 1)
    print_total = 0.0
    for it in range(1, iters + 1):
        src, tgt = random.choice(pairs)
        print_total += train_pair(src, tgt, enc, dec, enc_opt, dec_opt, criterion)
        if it % 1000 == 0:
            print(it, print_total / 1000)
            print_total = 0.0
