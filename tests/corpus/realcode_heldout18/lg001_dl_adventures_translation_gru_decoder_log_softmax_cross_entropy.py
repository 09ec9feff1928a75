"""positive [LG001]: the video course's translation decoder ends in nn.LogSoftmax(dim=1); train_all builds nn.CrossEntropyLoss and passes it to train(), which scores every decoder step with it (log-softmax applied twice)."""
# Source: PacktPublishing/Deep-Learning-Adventures-with-PyTorch at 159deb9c (read as is),
# Section 4/source/train.py; re-typed, identifiers renamed; the docstrings, the translation and random-test helpers
# cut (the same LogSoftmax-into-CrossEntropyLoss pairing is in Section 3/train.py, a character RNN).
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

from prep import EOS_token, MAX_SENTENCE_LENGTH, SOS_token, UW_token, get_data

hidden_size = 256
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Encoder(nn.Module):
    def __init__(self, n_in, hidden):
        super(Encoder, self).__init__()
        self.hidden = hidden
        self.emb = nn.Embedding(n_in, hidden)
        self.gru = nn.GRU(hidden, hidden)

    def forward(self, token, h):
        e = self.emb(token).view(1, 1, -1)
        out, h = self.gru(e, h)
        return out, h

    def initHidden(self):
        return torch.zeros(1, 1, self.hidden, device=device)


class Decoder(nn.Module):
    def __init__(self, hidden, n_out):
        super(Decoder, self).__init__()
        self.hidden = hidden
        self.emb = nn.Embedding(n_out, hidden)
        self.gru = nn.GRU(hidden, hidden)
        self.proj = nn.Linear(hidden, n_out)
        self.norm = nn.LogSoftmax(dim=1)

    def forward(self, token, h):
        out = self.emb(token).view(1, 1, -1)
        out = F.relu(out)
        out, h = self.gru(out, h)
        out = self.norm(self.proj(out[0]))
        return out, h

    def initHidden(self):
        return torch.zeros(1, 1, self.hidden, device=device)


def sentence_ids(lang, sentence):
    ids = []
    for w in sentence.split(' '):
        if w in lang.word2index:
            ids.append(lang.word2index[w])
        else:
            ids.append(UW_token)
    return ids


def sentence_tensor(lang, sentence):
    ids = sentence_ids(lang, sentence)
    ids.append(EOS_token)
    return torch.tensor(ids, dtype=torch.long, device=device).view(-1, 1)


def pair_tensors(src_lang, tgt_lang, pair):
    return (sentence_tensor(src_lang, pair[0]), sentence_tensor(tgt_lang, pair[1]))


def train(src, tgt, enc, dec, enc_opt, dec_opt, crit, max_length=MAX_SENTENCE_LENGTH):
    enc_h = enc.initHidden()
    for ei in range(src.size(0)):
        enc_out, enc_h = enc(src[ei], enc_h)

    dec_in = torch.tensor([[SOS_token]], device=device)
    dec_h = enc_h

    tgt_len = tgt.size(0)
    loss = 0
    for di in range(tgt_len):
        dec_out, dec_h = dec(dec_in, dec_h)
        _, top = dec_out.topk(1)
        dec_in = top.squeeze().detach()
        loss += crit(dec_out, tgt[di])  # expect: LG001
        if dec_in.item() == EOS_token:
            break

    enc_opt.zero_grad()
    dec_opt.zero_grad()
    loss.backward()
    enc_opt.step()
    dec_opt.step()
    return loss.item() / tgt_len


def train_all(pairs, enc, dec, src_lang, tgt_lang, n_steps, print_every=10):
    running = 0
    enc_opt = optim.Adam(enc.parameters())
    dec_opt = optim.Adam(dec.parameters())
    samples = [pair_tensors(src_lang, tgt_lang, random.choice(pairs)) for i in range(n_steps)]
    crit = nn.CrossEntropyLoss()
    for step in range(n_steps):
        src, tgt = samples[step]
        step_loss = train(src, tgt, enc, dec, enc_opt, dec_opt, crit)
        running += step_loss
        if step % print_every == 0:
            avg = running / print_every
            running = 0
            print('%d %d%% %.4f' % (step, step / n_steps * 100, avg))


if __name__ == '__main__':
    pairs, src_lang, tgt_lang = get_data('en', 'spa', limit=100)
    enc = Encoder(src_lang.n_words, hidden_size).to(device)
    dec = Decoder(hidden_size, tgt_lang.n_words).to(device)
    train_all(pairs, enc, dec, src_lang, tgt_lang, 900, print_every=100)
    torch.save(enc.state_dict(), 'encoder.ckpt')
    torch.save(dec.state_dict(), 'decoder.ckpt')
