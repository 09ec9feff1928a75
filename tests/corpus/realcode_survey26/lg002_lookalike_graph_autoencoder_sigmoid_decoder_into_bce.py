"""look-alike [LG002]: an equivariant graph autoencoder decodes edges with a sigmoid of the scaled distances, and a helper hands that adjacency to F.binary_cross_entropy."""

# Source: vgsatorras/egnn@e9ca6c0 models/ae.py, losess.py, main_ae.py (re-typed, renamed, cut to the decoder, the loss and the training step)
import torch
import torch.nn as nn
import torch.nn.functional as F


class EdgeDecoderAE(nn.Module):
    def __init__(self, in_nf, hidden_nf, embedding_nf):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(in_nf, hidden_nf), nn.SiLU(), nn.Linear(hidden_nf, embedding_nf))
        self.C = 10.0
        self.b = -1.0

    def decode_from_x(self, x):
        n_nodes = x.size(0)
        x_a = x.unsqueeze(0)
        x_b = torch.transpose(x_a, 0, 1)
        dist = (x_a - x_b) ** 2
        dist = dist.view(n_nodes * n_nodes, -1)
        adj = torch.sigmoid(self.C * torch.sum(dist, dim=1) + self.b)
        adj = adj.view(n_nodes, n_nodes)
        return adj * (1 - torch.eye(n_nodes))

    def forward(self, nodes):
        x = self.encoder(nodes)
        return self.decode_from_x(x), x


def adjacency_bce(pred, gt, reduce="mean"):
    return F.binary_cross_entropy(pred.view(-1, 1), gt.view(-1, 1), reduction=reduce)


def train(model, loader, optimizer):
    model.train()
    total = 0.0
    for nodes, adj_gt in loader:
        optimizer.zero_grad()
        adj_pred, _ = model(nodes)
        loss = adjacency_bce(adj_pred, adj_gt, "sum")
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total
