"""part of positive project [LG011]: the training side is correct (F.nll_loss on the decoder's log-probabilities, .item() accumulation, zero_grad each step); the findings are in model.py."""
# Source: https://github.com/keon/seq2seq train.py at 10565a9afdb68445879de324b00a9db4db809509; re-typed, names changed, reduced.
import math

import torch
from torch import optim
from torch.nn.utils import clip_grad_norm_
from torch.nn import functional as F
from model import Encoder, Decoder, Seq2Seq
from utils import load_dataset, PAD


def step_loss(model, src, trg, vocab_size, teacher_forcing_ratio):
    output = model(src, trg, teacher_forcing_ratio=teacher_forcing_ratio)
    return F.nll_loss(output[1:].reshape(-1, vocab_size),
                      trg[1:].reshape(-1), ignore_index=PAD)


def evaluate(model, val_iter, vocab_size, device):
    model.eval()
    total_loss = 0
    with torch.no_grad():
        for src, trg in val_iter:
            src, trg = src.to(device), trg.to(device)
            total_loss += step_loss(model, src, trg, vocab_size, 0.0).item()
    return total_loss / len(val_iter)


def train(model, optimizer, train_iter, vocab_size, grad_clip, device):
    model.train()
    total_loss = 0
    for b, (src, trg) in enumerate(train_iter):
        src, trg = src.to(device), trg.to(device)
        optimizer.zero_grad()
        loss = step_loss(model, src, trg, vocab_size, 0.5)
        loss.backward()
        clip_grad_norm_(model.parameters(), grad_clip)
        optimizer.step()
        total_loss += loss.item()
        if b % 100 == 0 and b != 0:
            print("[%d][loss:%5.2f][pp:%5.2f]" % (b, total_loss / 100, math.exp(total_loss / 100)))
            total_loss = 0


def main():
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_iter, val_iter, test_iter, DE, EN = load_dataset(32)
    de_size, en_size = len(DE), len(EN)
    encoder = Encoder(de_size, 256, 512, n_layers=2, dropout=0.5)
    decoder = Decoder(256, 512, en_size, n_layers=1, dropout=0.5)
    seq2seq = Seq2Seq(encoder, decoder).to(device)
    optimizer = optim.Adam(seq2seq.parameters(), lr=1e-4)
    for e in range(1, 101):
        train(seq2seq, optimizer, train_iter, en_size, 10.0, device)
        val_loss = evaluate(seq2seq, val_iter, en_size, device)
        print("[Epoch:%d] val_loss:%5.3f" % (e, val_loss))


if __name__ == "__main__":
    main()
