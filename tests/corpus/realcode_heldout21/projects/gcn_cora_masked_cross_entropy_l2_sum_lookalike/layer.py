"""part of look-alike project [LG001, LG006, LG015]: a graph convolution returns (activation(A @ X @ W), A); its activation defaults to F.relu."""
# Source: dragen1860/GCN-PyTorch at 623aa67f (read as is), layer.py; re-typed, identifiers renamed.
import torch
from torch import nn
from torch.nn import functional as F

from utils import sparse_dropout, dot


class GraphConv(nn.Module):
    def __init__(self, d_in, d_out, n_nonzero, dropout=0.0, sparse_in=False, bias=False, activation=F.relu, featureless=False):
        super(GraphConv, self).__init__()
        self.dropout = dropout
        self.activation = activation
        self.sparse_in = sparse_in
        self.featureless = featureless
        self.n_nonzero = n_nonzero
        self.weight = nn.Parameter(torch.randn(d_in, d_out))
        self.bias = None
        if bias:
            self.bias = nn.Parameter(torch.zeros(d_out))

    def forward(self, inputs):
        x, adj = inputs
        if self.training and self.sparse_in:
            x = sparse_dropout(x, self.dropout, self.n_nonzero)
        elif self.training:
            x = F.dropout(x, self.dropout)

        if not self.featureless:
            if self.sparse_in:
                xw = torch.sparse.mm(x, self.weight)
            else:
                xw = torch.mm(x, self.weight)
        else:
            xw = self.weight

        out = torch.sparse.mm(adj, xw)
        if self.bias is not None:
            out += self.bias
        return self.activation(out), adj
