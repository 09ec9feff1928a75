"""part of positive project [LG001]: ParaphraseGenerator's generator head gen_lin is an nn.Sequential ending in nn.LogSoftmax(dim=-1); forward returns its output as the first element of a 3-tuple (teacher-forced when train=True, sampled word by word otherwise)."""
# Source: dev-chauhan/PQG-pytorch@0090547517daf520b6c85b06dac1992d928979c0 models/enc_dec_dis.py (read as is; issue #7 of the repository, "Use nn.NLLLoss instead of CrossEntropyLoss", was closed without a change; re-typed)
import torch
import torch.nn as nn

import misc.utils as utils


class ParaphraseGenerator(nn.Module):
    def __init__(self, op):
        super(ParaphraseGenerator, self).__init__()

        self.emb_layer = nn.Sequential(
            nn.Linear(op["vocab_sz"], op["emb_hid_dim"]),
            nn.Threshold(0.000001, 0),
            nn.Linear(op["emb_hid_dim"], op["emb_dim"]),
            nn.Threshold(0.000001, 0))
        self.enc_rnn = nn.GRU(op["emb_dim"], op["enc_rnn_dim"])
        self.enc_lin = nn.Sequential(
            nn.Dropout(op["enc_dropout"]),
            nn.Linear(op["enc_rnn_dim"], op["enc_dim"]))

        self.gen_emb = nn.Embedding(op["vocab_sz"], op["emb_dim"])
        self.gen_rnn = nn.LSTM(op["enc_dim"], op["gen_rnn_dim"])
        self.gen_lin = nn.Sequential(
            nn.Dropout(op["gen_dropout"]),
            nn.Linear(op["gen_rnn_dim"], op["vocab_sz"]),
            nn.LogSoftmax(dim=-1))

        self.dis_emb_layer = nn.Sequential(
            nn.Linear(op["vocab_sz"], op["emb_hid_dim"]),
            nn.Threshold(0.000001, 0),
            nn.Linear(op["emb_hid_dim"], op["emb_dim"]),
            nn.Threshold(0.000001, 0),
        )
        self.dis_rnn = nn.GRU(op["emb_dim"], op["enc_rnn_dim"])
        self.dis_lin = nn.Sequential(
            nn.Dropout(op["enc_dropout"]),
            nn.Linear(op["enc_rnn_dim"], op["enc_dim"]))

        self.max_seq_len = op["max_seq_len"]
        self.vocab_sz = op["vocab_sz"]

    def forward(self, phrase, sim_phrase=None, train=False):
        if sim_phrase is None:
            sim_phrase = phrase

        if train:
            enc_phrase = self.enc_lin(self.enc_rnn(self.emb_layer(utils.one_hot(phrase, self.vocab_sz)))[1])
            emb_sim_phrase_gen = self.gen_emb(sim_phrase)
            out_rnn, _ = self.gen_rnn(torch.cat([enc_phrase, emb_sim_phrase_gen[:-1, :]], dim=0))
            out = self.gen_lin(out_rnn)
            enc_sim_phrase = self.dis_lin(self.dis_rnn(self.dis_emb_layer(utils.one_hot(sim_phrase, self.vocab_sz)))[1])
            enc_out = self.dis_lin(self.dis_rnn(self.dis_emb_layer(torch.exp(out)))[1])
        else:
            enc_phrase = self.enc_lin(self.enc_rnn(self.emb_layer(utils.one_hot(phrase, self.vocab_sz)))[1])
            words = []
            h = None
            for __ in range(self.max_seq_len):
                word, h = self.gen_rnn(enc_phrase, hx=h)
                word = self.gen_lin(word)
                words.append(word)
                word = torch.multinomial(torch.exp(word[0]), 1)
                word = word.t()
                enc_phrase = self.gen_emb(word)
            out = torch.cat(words, dim=0)
            enc_sim_phrase = self.dis_lin(self.dis_rnn(self.dis_emb_layer(utils.one_hot(sim_phrase, self.vocab_sz)))[1])
            enc_out = self.dis_lin(self.dis_rnn(self.dis_emb_layer(torch.exp(out)))[1])

        enc_out.squeeze_(0)
        enc_sim_phrase.squeeze_(0)
        return out, enc_out, enc_sim_phrase
