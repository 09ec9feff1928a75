"""look-alike [LG010]: `reduce=` on torch scatter ops (not losses) and `reduction='sum'` on the loss."""
import torch
import torch.nn as nn


def segment_mean(values, segment_ids, n_segments):
    out = torch.zeros(n_segments, values.size(1))
    out.scatter_reduce_(0, segment_ids.unsqueeze(1).expand_as(values), values, reduce="mean", include_self=False)
    counts = torch.zeros(n_segments).scatter_(0, segment_ids, torch.ones_like(segment_ids, dtype=torch.float), reduce="add")
    return out, counts


criterion = nn.MSELoss(reduction="sum")


def train(gnn, loader, optimizer):
    for node_feats, graph_ids, n_graphs, y in loader:
        optimizer.zero_grad()
        pooled, _ = segment_mean(gnn(node_feats), graph_ids, n_graphs)
        loss = criterion(pooled, y) / n_graphs
        loss.backward()
        optimizer.step()
