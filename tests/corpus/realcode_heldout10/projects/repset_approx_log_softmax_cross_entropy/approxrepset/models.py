"""part of positive project [LG001]: ApproxRepSet's forward ends in F.log_softmax over the class axis; main.py trains it with F.cross_entropy."""
# Source: giannisnik/repset@208946423cb7a5037d42a962711d44c0c07ead2c approxrepset/models.py (read as is; issue #1 of the repository; re-typed)
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter


class ApproxRepSet(torch.nn.Module):

    def __init__(self, n_hidden_sets, n_elements, d, n_classes, device):
        super(ApproxRepSet, self).__init__()
        self.n_hidden_sets = n_hidden_sets
        self.n_elements = n_elements

        self.W = Parameter(torch.FloatTensor(d, n_hidden_sets * n_elements))
        self.hidden = nn.Linear(n_hidden_sets, 32)
        self.head = nn.Linear(32, n_classes)
        self.act = nn.ReLU()

        self.reset()

    def reset(self):
        self.W.data.uniform_(-1, 1)

    def forward(self, X):
        h = self.act(torch.matmul(X, self.W))
        h = h.view(h.size()[0], h.size()[1], self.n_elements, self.n_hidden_sets)
        h, _ = torch.max(h, dim=2)
        h = torch.sum(h, dim=1)
        h = self.act(self.hidden(h))
        scores = self.head(h)

        return F.log_softmax(scores, dim=1)
