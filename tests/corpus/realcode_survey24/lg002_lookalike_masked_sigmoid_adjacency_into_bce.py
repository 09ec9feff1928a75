"""look-alike [LG002]: the graph infomax variant reconstructs the adjacency matrix as `sigmoid(z z^T)` with the diagonal masked to zero, still in [0, 1], and gives it to `nn.BCELoss()`."""

# Source: fanyun-sun/InfoGraph@673a065 unsupervised/losses.py (re-typed, renamed, cut to the adjacency loss)
import torch
import torch.nn as nn


def adjacency_loss(node_emb, edge_index):
    n = node_emb.shape[0]
    adj = torch.zeros((n, n), device=node_emb.device)
    mask = torch.eye(n, device=node_emb.device)
    adj[edge_index[0], edge_index[1]] = 1.0
    adj[edge_index[1], edge_index[0]] = 1.0
    res = torch.sigmoid(torch.mm(node_emb, node_emb.t()))
    res = (1 - mask) * res
    return nn.BCELoss()(res, adj)
