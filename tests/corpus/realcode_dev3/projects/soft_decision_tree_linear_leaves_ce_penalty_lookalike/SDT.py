"""part of look-alike project [LG001, LG006, LG014]: the soft decision tree routes samples through sigmoid inner nodes but its leaves are a bias-free nn.Linear, so forward returns logits (and a penalty tensor); the tree owns its optimizer."""
# Source: xuyxu/Soft-Decision-Tree@32f2990c880c7a6a3f09a61faecd5aa409356074 SDT.py ("Fix up the loss function"; re-typed, comments left out)
from collections import OrderedDict

import torch
import torch.nn as nn


class SDT(nn.Module):
    def __init__(self, args):
        super(SDT, self).__init__()
        self.args = args
        self.device = torch.device('cuda' if self.args['cuda'] else 'cpu')
        self.n_inner = 2 ** self.args['depth'] - 1
        self.n_leaf = 2 ** self.args['depth']
        self.coefs = [args['lamda'] * (2 ** (-d)) for d in range(0, self.args['depth'])]
        self.inner = nn.Sequential(OrderedDict([
            ('linear', nn.Linear(self.args['input_dim'] + 1, self.n_inner, bias=False)),
            ('sigmoid', nn.Sigmoid()),
        ]))
        self.leaves = nn.Linear(self.n_leaf, self.args['output_dim'], bias=False)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=self.args['lr'], weight_decay=self.args['weight_decay'])

    def forward(self, data):
        mu, penalty = self._forward(data)
        output = self.leaves(mu)
        return output, penalty

    def _forward(self, data):
        n = data.size()[0]
        data = self._with_bias(data)
        route = self.inner(data)
        route = torch.unsqueeze(route, dim=2)
        route = torch.cat((route, 1 - route), dim=2)
        mu = data.data.new(n, 1, 1).fill_(1.)
        penalty = torch.tensor(0.).to(self.device)
        start, end = 0, 1
        for depth in range(0, self.args['depth']):
            layer = route[:, start:end, :]
            penalty = penalty + self._penalty(depth, mu, layer)
            mu = mu.view(n, -1, 1).repeat(1, 1, 2)
            mu = mu * layer
            start = end
            end = start + 2 ** (depth + 1)
        return mu.view(n, self.n_leaf), penalty

    def _penalty(self, depth, mu, layer):
        penalty = torch.tensor(0.).to(self.device)
        n = mu.size()[0]
        mu = mu.view(n, 2 ** depth)
        layer = layer.view(n, 2 ** (depth + 1))
        for node in range(0, 2 ** (depth + 1)):
            alpha = torch.sum(layer[:, node] * mu[:, node // 2], dim=0) / torch.sum(mu[:, node // 2], dim=0)
            penalty -= self.coefs[depth] * 0.5 * (torch.log(alpha) + torch.log(1 - alpha))
        return penalty

    def _with_bias(self, x):
        n = x.size()[0]
        x = x.view(n, -1)
        return torch.cat((torch.ones(n, 1).to(self.device), x), 1)
