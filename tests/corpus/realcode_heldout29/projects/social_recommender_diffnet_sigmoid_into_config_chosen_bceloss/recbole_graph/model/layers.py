"""part of positive project [LG016]: the graph convolutions (torch_geometric MessagePassing) the social recommender propagates embeddings with: a weighted sum over the bipartite user-item graph and over the social graph."""
# Source: RUCAIBox/RecBole-GNN at 7cbf7547 (the parent of aa5e2f5c), recbole_graph/model/layers.py; re-typed, identifiers renamed; BiGNNConv and the SRGNN layers cut.
import torch
import torch.nn as nn
from torch_geometric.nn import MessagePassing


class LightGCNConv(MessagePassing):
    def __init__(self, dim):
        super(LightGCNConv, self).__init__(aggr='add')
        self.dim = dim

    def forward(self, x, edge_index, edge_weight):
        return self.propagate(edge_index, x=x, edge_weight=edge_weight)

    def message(self, x_j, edge_weight):
        return edge_weight.view(-1, 1) * x_j


class BipartiteGCNConv(MessagePassing):
    def __init__(self, dim):
        super(BipartiteGCNConv, self).__init__(aggr='add', flow='target_to_source')
        self.dim = dim

    def forward(self, x, edge_index, edge_weight, size):
        return self.propagate(edge_index, x=x, edge_weight=edge_weight, size=size)

    def message(self, x_j, edge_weight):
        return edge_weight.view(-1, 1) * x_j
