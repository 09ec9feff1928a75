"""part of positive project [LG007]: the one-layer CARE-GNN fraud detector keeps nn.NLLLoss() as self.xent and gives it the raw torch.mm scores of the GNN head and the raw Linear scores of the label-aware classifier."""
# Source: YingtongDou/CARE-GNN at 46a514bb (PR #7 "remove sigmoid and modified loss function"; fixed by 40e4452f
# "Fix #8 revised loss function"), model.py; re-typed with spaces, identifiers renamed, docstrings shortened.
import torch
import torch.nn as nn
from torch.nn import init


class FraudCARE(nn.Module):
    """One CARE layer: inter-relation embeddings, then a linear map to the two classes."""

    def __init__(self, n_classes, inter_agg, sim_weight):
        super(FraudCARE, self).__init__()
        self.inter_agg = inter_agg
        self.xent = nn.NLLLoss()
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
        sim_loss = self.xent(label_scores, labels.squeeze())  # expect: LG007
        # GNN loss, Eq. (10)
        gnn_loss = self.xent(gnn_scores, labels.squeeze())  # expect: LG007
        # Eq. (11)
        total = gnn_loss + self.sim_weight * sim_loss
        return total
