"""part of look-alike project [LG001, LG006, LG015]: a two-layer GCN in an nn.Sequential of graph convolutions; l2_loss sums the squared weights of the first layer with loss += p.pow(2).sum() inside one call."""
# Source: dragen1860/GCN-PyTorch at 623aa67f (read as is), model.py; re-typed, identifiers renamed; the shape prints
# cut.
import torch
from torch import nn
from torch.nn import functional as F

from layer import GraphConv
from config import args


class GCN(nn.Module):
    def __init__(self, d_in, d_out, n_nonzero):
        super(GCN, self).__init__()
        self.d_in = d_in
        self.d_out = d_out
        self.layers = nn.Sequential(
            GraphConv(self.d_in, args.hidden, n_nonzero, activation=F.relu, dropout=args.dropout, sparse_in=True),
            GraphConv(args.hidden, d_out, n_nonzero, activation=F.relu, dropout=args.dropout, sparse_in=False),
        )

    def forward(self, inputs):
        x, adj = inputs
        x = self.layers((x, adj))
        return x

    def l2_loss(self):
        first = next(iter(self.layers.children()))
        loss = None
        for p in first.parameters():
            if loss is None:
                loss = p.pow(2).sum()
            else:
                loss += p.pow(2).sum()
        return loss
