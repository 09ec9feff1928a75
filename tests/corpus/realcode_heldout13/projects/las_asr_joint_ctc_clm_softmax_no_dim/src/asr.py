"""part of positive project [LG011]: the LAS model returns the CTC layer's raw scores and the per-step character scores of a Linear layer, stacked over time."""
# Source: Alexander-H-Liu/End-to-end-ASR-Pytorch@55d39528b27b18249d1e9a084d7ac2516bfcd562 src/asr.py (read as is; its issue #3 "CrossEntropy --> NLLLoss?" was about an older forward that the history rebase removed; re-typed, identifiers renamed, cut at method boundaries: the listener, speller and attention classes, parameter initialisation and beam decoding left out)
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions.categorical import Categorical

from src.layers import Listener, Speller, Attention


class ListenAttendSpell(nn.Module):
    def __init__(self, example_input, vocab, para):
        super(ListenAttendSpell, self).__init__()
        enc_dim = int(para['encoder']['dim'].split('_')[-1]) \
            * max(1, 2 * ('Bi' in para['encoder']['enc_type']))
        self.use_ctc = para['optimizer']['joint_ctc'] > 0
        self.use_att = para['optimizer']['joint_ctc'] < 1
        self.encoder = Listener(example_input, **para['encoder'])
        if self.use_att:
            self.dec_dim = para['decoder']['dim']
            self.attention = Attention(enc_dim, self.dec_dim, **para['attention'])
            self.decoder = Speller(enc_dim + self.dec_dim, **para['decoder'])
            self.embed = nn.Embedding(vocab, self.dec_dim)
            self.to_char = nn.Linear(self.dec_dim, vocab)
        if self.use_ctc:
            self.ctc_weight = para['optimizer']['joint_ctc']
            self.ctc_head = nn.Linear(enc_dim, vocab)

    def forward(self, feats, steps, tf_rate=0.0, teacher=None, lens=None):
        bs = feats.shape[0]
        enc, enc_len = self.encoder(feats, lens)
        ctc_out = None
        att_out = None
        att_maps = None
        if self.use_ctc:
            ctc_out = self.ctc_head(enc)
        if self.use_att:
            if teacher is not None:
                teacher = self.embed(teacher)
            self.decoder.init_rnn(enc)
            self.attention.reset_enc_mem()
            prev = self.embed(torch.zeros((bs), dtype=torch.long).to(next(self.decoder.parameters()).device))
            chars = []
            maps = [[]] * self.attention.num_head
            for t in range(steps):
                score, ctx = self.attention(self.decoder.state_list[0], enc, enc_len)
                h = self.decoder(torch.cat([prev, ctx], dim=-1))
                char = self.to_char(h)
                if teacher is not None:
                    if random.random() <= tf_rate:
                        prev = teacher[:, t + 1, :]
                    else:
                        prev = self.embed(Categorical(F.softmax(char, dim=-1)).sample())
                else:
                    prev = self.embed(torch.argmax(char, dim=-1))
                chars.append(char)
                for head, a in enumerate(score):
                    maps[head].append(a.cpu())
            att_out = torch.stack(chars, dim=1)
            att_maps = [torch.stack(m, dim=1) for m in maps]
        return ctc_out, enc_len, att_out, att_maps
