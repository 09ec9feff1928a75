"""look-alike [LG005, LG001, LG006]: supervised GraphSAGE: class scores computed as weight.mm(embeds).t() (raw, (N, C)) into nn.CrossEntropyLoss with the (N, 1) label column squeezed to (N,); the loss is printed per batch, not kept."""
# Source: https://github.com/williamleif/graphsage-simple graphsage/model.py at
# d3105e5223e9602ba3ef2dd27e343d044fe4bb5f; re-typed, names changed, reduced; the original is Python 2
# (print statements, loss.data[0]), written here in Python 3 with loss.item(). Correct code.
import random

import numpy as np
import torch
import torch.nn as nn
from torch.nn import init


class NodeSage(nn.Module):
    def __init__(self, n_classes, encoder):
        super().__init__()
        self.encoder = encoder
        self.ce = nn.CrossEntropyLoss()
        self.proj = nn.Parameter(torch.FloatTensor(n_classes, encoder.embed_dim))
        init.xavier_uniform_(self.proj)

    def forward(self, nodes):
        emb = self.encoder(nodes)
        logits = self.proj.mm(emb)
        return logits.t()

    def loss(self, nodes, labels):
        logits = self.forward(nodes)
        return self.ce(logits, labels.squeeze())


def train_cora(model, labels, n_nodes=2708):
    order = np.random.permutation(n_nodes)
    train_nodes = list(order[1500:])
    opt = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.7)
    for step in range(100):
        batch = train_nodes[:256]
        random.shuffle(train_nodes)
        opt.zero_grad()
        loss = model.loss(batch, torch.LongTensor(labels[np.array(batch)]))
        loss.backward()
        opt.step()
        print(step, loss.item())
    return model
