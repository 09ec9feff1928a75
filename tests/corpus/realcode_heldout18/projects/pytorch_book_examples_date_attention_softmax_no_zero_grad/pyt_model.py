"""part of positive project [LG001, LG014]: a PyTorch port of a Keras date-translation attention model; every decoding step's output is F.softmax(self.output_layer(h), dim=0), and forward returns the stacked probabilities."""
# Source: aurotripathy/pytorch-book-examples at 5be8121e (read as is), attention/pyt_model.py; re-typed, identifiers
# renamed; the docstrings and the shape-printing lines cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DateAttention(torch.nn.Module):
    def __init__(self, Tx, Ty, n_a, n_s, in_vocab, out_vocab, batch_size):
        super(DateAttention, self).__init__()
        self.Ty = Ty
        self.Tx = Tx
        self.n_a = n_a
        self.n_s = n_s
        self.in_vocab = in_vocab
        self.out_vocab = out_vocab
        self.batch_size = batch_size
        self.energy_a = nn.Linear(128, 10)
        self.energy_b = nn.Linear(10, 1)
        self.encoder = nn.LSTM(input_size=self.in_vocab, hidden_size=self.n_a, num_layers=1, batch_first=False,
                               bidirectional=True)
        self.post_cell = nn.LSTMCell(self.n_s, self.n_s)
        self.head = nn.Linear(self.n_s, out_vocab)
        self.h = torch.zeros(self.batch_size, self.n_s, requires_grad=True)
        self.c = torch.zeros(self.batch_size, self.n_s, requires_grad=True)

    def _attend(self, a, s_prev):
        s_rep = s_prev.repeat(self.Tx, 1, 1)
        joined = torch.cat((a, s_rep), dim=-1)
        e = torch.tanh(self.energy_a(joined))
        energies = F.relu(self.energy_b(e))
        alphas = F.softmax(energies, dim=0)
        alphas = alphas.view(self.batch_size, 1, -1)
        a_b = a.view(self.batch_size, self.Tx, -1)
        return torch.bmm(alphas, a_b)

    def forward(self, x):
        outputs = []
        a, _ = self.encoder(x)
        for _ in range(self.Ty):
            context = self._attend(a, self.c)
            (self.h, self.c) = self.post_cell(context.view(self.batch_size, self.n_s), (self.h, self.c))
            out = F.softmax(self.head(self.h), dim=0)
            outputs.append(out)
        return torch.stack(outputs).view(self.batch_size, 11, -1)
