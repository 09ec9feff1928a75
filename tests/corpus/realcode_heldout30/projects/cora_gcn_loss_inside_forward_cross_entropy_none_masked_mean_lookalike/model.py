"""part of look-alike project [LG001, LG013, LG015]: a two-layer GCN whose forward computes its own loss when labels are given: nn.CrossEntropyLoss(reduction='none') on the raw logits against argmax of the one-hot labels (int64), multiplied by the node mask and summed over the mask's sum (a scalar), returned with the logits; softmax only when no labels are given (inference)."""
# Source: longshuicui/gcn-pytorch at f0eff272, model.py; re-typed, identifiers renamed; the docstrings and the __main__ smoke test cut.
import math
import torch
import torch.nn as nn


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features, act=nn.ReLU(), bias=True, dropout_prob=0.0):
        super(GraphConvolution, self).__init__()
        self.act = act if act is not None else None
        self.dropout = nn.Dropout(dropout_prob)
        self.weight = nn.Parameter(torch.FloatTensor(in_features, out_features), requires_grad=True)
        if bias:
            self.bias = nn.Parameter(torch.FloatTensor(out_features), requires_grad=True)
        else:
            self.register_parameter("bias", None)
        stdv = 1.0 / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        support = torch.spmm(x, self.weight)
        output = torch.spmm(adj, support)
        if self.bias is not None:
            output = output + self.bias
        if self.act is not None:
            output = self.act(output)
        return output


class GCN(nn.Module):
    def __init__(self, feature_dim, hidden_size=16, num_classes=7, dropout_prob=0.0):
        super(GCN, self).__init__()
        self.layer1 = GraphConvolution(feature_dim, hidden_size, act=nn.ReLU(), dropout_prob=dropout_prob)
        self.layer2 = GraphConvolution(hidden_size, num_classes, act=None, dropout_prob=dropout_prob)
        self.softmax = nn.Softmax(-1)
        self.ce = nn.CrossEntropyLoss(reduction='none')

    def forward(self, X, adj, labels=None, labels_mask=None):
        hidden = self.layer1(X, adj)
        logits = self.layer2(hidden, adj)
        if labels is not None:
            loss = self.ce(logits, torch.argmax(labels, dim=-1))
            loss = torch.sum(loss * labels_mask) / labels_mask.sum()
            return loss, logits
        else:
            return self.softmax(logits)
