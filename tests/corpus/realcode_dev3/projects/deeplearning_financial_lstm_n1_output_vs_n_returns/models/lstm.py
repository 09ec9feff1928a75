"""part of positive project [LG005]: the LSTM regressor maps the last time step through nn.Linear(hidden, 1), so it returns an (N, 1) prediction."""
# Source: mlpanda/DeepLearning_Financial@7e846144629d8b49b8fd74a87d5ff047b7af55d1 models/lstm.py (read as is; issue #2 "When I was running, there was a problem.": "input and target shapes do not match: input [60 x 1], target [60]", fixed by the reporter with `out.view(len(target))`; re-typed)
import torch
import torch.nn as nn
from torch.autograd import Variable


class Sequence(nn.Module):
    def __init__(self, nb_features=1, hidden_size=100, nb_layers=5, dropout=0.5):
        super(Sequence, self).__init__()
        self.nb_features = nb_features
        self.hidden_size = hidden_size
        self.nb_layers = nb_layers
        self.lstm = nn.LSTM(self.nb_features, self.hidden_size, self.nb_layers, dropout=dropout)
        self.lin = nn.Linear(self.hidden_size, 1)

    def forward(self, input):
        h0 = Variable(torch.zeros(self.nb_layers, input.size()[1], self.hidden_size))
        c0 = Variable(torch.zeros(self.nb_layers, input.size()[1], self.hidden_size))
        output, hn = self.lstm(input, (h0, c0))
        out = self.lin(output[-1])
        return out
