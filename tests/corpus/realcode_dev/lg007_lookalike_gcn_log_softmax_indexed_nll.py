"""look-alike [LG007, LG001, LG011, LG014]: a two-layer graph convolution network returns F.log_softmax(x, dim=1) for every node; F.nll_loss is taken on the rows of the training / validation index sets; one full-graph step per epoch with zero_grad."""
# Source: https://github.com/tkipf/pygcn pygcn/models.py, pygcn/layers.py and pygcn/train.py at
# 1600b5b748b3976413d1e307540ccc62605b4d6d; re-typed, names changed, reduced. Correct code.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConv(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.w = nn.Parameter(torch.FloatTensor(n_in, n_out))
        self.b = nn.Parameter(torch.FloatTensor(n_out))
        bound = 1.0 / math.sqrt(n_out)
        self.w.data.uniform_(-bound, bound)
        self.b.data.uniform_(-bound, bound)

    def forward(self, feats, adjacency):
        return torch.spmm(adjacency, torch.mm(feats, self.w)) + self.b


class NodeClassifier(nn.Module):
    def __init__(self, n_feat, n_hidden, n_class, p_drop):
        super().__init__()
        self.g1 = GraphConv(n_feat, n_hidden)
        self.g2 = GraphConv(n_hidden, n_class)
        self.p_drop = p_drop

    def forward(self, feats, adjacency):
        h = F.relu(self.g1(feats, adjacency))
        h = F.dropout(h, self.p_drop, training=self.training)
        h = self.g2(h, adjacency)
        return F.log_softmax(h, dim=1)


def node_accuracy(log_probs, labels):
    pred = log_probs.max(1)[1].type_as(labels)
    return pred.eq(labels).double().sum() / len(labels)


def run(feats, adjacency, labels, train_idx, val_idx, epochs=200):
    net = NodeClassifier(feats.shape[1], 16, int(labels.max().item()) + 1, 0.5)
    opt = torch.optim.Adam(net.parameters(), lr=0.01, weight_decay=5e-4)
    for epoch in range(epochs):
        net.train()
        opt.zero_grad()
        out = net(feats, adjacency)
        train_loss = F.nll_loss(out[train_idx], labels[train_idx])
        train_loss.backward()
        opt.step()
        net.eval()
        out = net(feats, adjacency)
        val_loss = F.nll_loss(out[val_idx], labels[val_idx])
        print(epoch, train_loss.item(), val_loss.item(), node_accuracy(out[val_idx], labels[val_idx]).item())
