"""part of positive project [LG006, LG010, LG011]: the LSTM name classifier ends in a stored nn.LogSoftmax() built without dim; train.py feeds it to nn.NLLLoss(size_average=False) and sums the loss tensors of every batch."""
# Source: claravania/lstm-pytorch at 40c4fbd3 (read as is), model.py; re-typed, identifiers renamed. The source
# imports torch.functional as F (unused) and torch.autograd for Variable; kept as in the source.
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.functional as F

from torch.nn.utils.rnn import pack_padded_sequence


class SeqClassifier(nn.Module):
    def __init__(self, n_tokens, emb_dim, hid_dim, n_out):
        super(SeqClassifier, self).__init__()
        self.emb_dim = emb_dim
        self.hid_dim = hid_dim
        self.n_tokens = n_tokens
        self.embed = nn.Embedding(n_tokens, emb_dim)
        self.rnn = nn.LSTM(emb_dim, hid_dim, num_layers=1)
        self.head = nn.Linear(hid_dim, n_out)
        self.norm = nn.LogSoftmax()  # expect: LG011
        self.drop = nn.Dropout(p=0.2)

    def init_state(self, bs):
        return (autograd.Variable(torch.randn(1, bs, self.hid_dim)),
                autograd.Variable(torch.randn(1, bs, self.hid_dim)))

    def forward(self, seqs, lens):
        self.state = self.init_state(seqs.size(-1))
        x = self.embed(seqs)
        packed = pack_padded_sequence(x, lens)
        _, (h_last, c_last) = self.rnn(packed, self.state)
        out = self.drop(h_last[-1])
        out = self.head(out)
        out = self.norm(out)
        return out
