"""part of positive project [LG011]: an exercise repository's three-layer graph convolution network for Cora node classification ends in nn.LogSoftmax() built without dim (nn.Softmax() left commented out beside it)."""
# Source: Yagami360/MachineLearning_Exercises_Python_PyTorch at 97e1bd1e (read as is), GCN_sample_classication/networks.py;
# re-typed, identifiers renamed, the Japanese comments and __repr__ dropped.
import math

import torch
import torch.nn as nn
from torch.nn.parameter import Parameter


class GraphConv(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super(GraphConv, self).__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.FloatTensor(in_features, out_features))
        if bias:
            self.bias = Parameter(torch.FloatTensor(out_features))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()
        return

    def reset_parameters(self):
        stdv = 1. / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, input, adj):
        support = torch.mm(input, self.weight)
        output = torch.spmm(adj, support)
        if self.bias is not None:
            return output + self.bias
        else:
            return output


class GCNClassifier(nn.Module):
    def __init__(self, n_inputs, n_outputs, n_hiddens1=128, n_hiddens2=64, dropout=0.25):
        super(GCNClassifier, self).__init__()
        self.gc1 = GraphConv(n_inputs, n_hiddens1)
        self.act1 = nn.ReLU()
        self.drop1 = nn.Dropout(dropout)
        self.gc2 = GraphConv(n_hiddens1, n_hiddens2)
        self.act2 = nn.ReLU()
        self.drop2 = nn.Dropout(dropout)
        self.gc3 = GraphConv(n_hiddens2, n_outputs)
        self.act3 = nn.LogSoftmax()  # expect: LG011
        # self.act3 = nn.Softmax()
        return

    def forward(self, x, adj):
        out = self.gc1(x, adj)
        out = self.act1(out)
        out = self.drop1(out)
        out = self.gc2(out, adj)
        out = self.act2(out)
        out = self.drop2(out)
        out = self.gc3(out, adj)
        out = self.act3(out)
        return out
