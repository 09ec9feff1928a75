"""part of look-alike project [LG001, LG007]: after the fix the one-layer CARE-GNN keeps nn.CrossEntropyLoss() as self.xent for the raw torch.mm scores and the raw label-classifier scores; softmax only in to_prob for the metrics."""
# Source: YingtongDou/CARE-GNN at 40e4452f ("Fix #8 revised loss function": nn.NLLLoss() back to nn.CrossEntropyLoss();
# the fix of 46a514bb), model.py; re-typed with spaces, identifiers renamed, docstrings shortened.
import torch
import torch.nn as nn
from torch.nn import init


class FraudCARE(nn.Module):
    """One CARE layer: inter-relation embeddings, then a linear map to the two classes."""

    def __init__(self, n_classes, inter_agg, sim_weight):
        super(FraudCARE, self).__init__()
        self.inter_agg = inter_agg
        self.xent = nn.CrossEntropyLoss()
        self.proj = nn.Parameter(torch.FloatTensor(inter_agg.embed_dim, n_classes))
        init.xavier_uniform_(self.proj)
        self.sim_weight = sim_weight

    def forward(self, nodes, labels, train_flag=True):
        node_embeds, label_scores = self.inter_agg(nodes, labels, train_flag)
        scores = torch.mm(node_embeds, self.proj)
        return scores, label_scores

    def to_prob(self, nodes, labels, train_flag=True):
        gnn_scores, label_scores = self.forward(nodes, labels, train_flag)
        gnn_prob = nn.functional.softmax(gnn_scores, dim=1)
        label_prob = nn.functional.softmax(label_scores, dim=1)
        return gnn_prob, label_prob

    def loss(self, nodes, labels, train_flag=True):
        gnn_scores, label_scores = self.forward(nodes, labels, train_flag)
        # similarity loss, Eq. (4)
        sim_loss = self.xent(label_scores, labels.squeeze())
        # GNN loss, Eq. (10)
        gnn_loss = self.xent(gnn_scores, labels.squeeze())
        # Eq. (11)
        total = gnn_loss + self.sim_weight * sim_loss
        return total
