"""part of positive project [LG004, LG016, LG011]: TrainModel returns (embedding, Linear scores); its supervised loss applies torch.sigmoid then F.binary_cross_entropy for multi-label data (targets built as .long() by main.py) and log_softmax without dim otherwise."""
# Source: https://github.com/yangji9181/HNE Model/R-GCN/src/model.py at f12a0b3cc8341ec77e504687abd254e6ebaea181 (the parent of
# 2ba6b5bce67e4a8810b9391741279b7f8145bc19, issue #13 "R-GCN RuntimeError: Found dtype Long but expected Float");
# re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
from dgl.nn.pytorch import RelGraphConv


class RGCN(nn.Module):
    def __init__(self, num_nodes, h_dim, out_dim, num_rels, num_bases, num_hidden_layers=1, dropout=0):
        super(RGCN, self).__init__()
        self.embedding = torch.nn.Embedding(num_nodes, h_dim)
        self.layers = nn.ModuleList()
        for idx in range(num_hidden_layers):
            act = F.relu if idx < num_hidden_layers - 1 else None
            self.layers.append(RelGraphConv(h_dim if idx == 0 else out_dim, out_dim, num_rels, "basis", num_bases, activation=act, self_loop=True, dropout=dropout))

    def forward(self, g, h, r, norm):
        h = self.embedding(h.squeeze())
        for layer in self.layers:
            h = layer(g, h, r, norm)
        return h


class TrainModel(nn.Module):
    def __init__(self, num_nodes, o_dim, num_rels, nlabel, num_bases=-1, num_hidden_layers=1, dropout=0, reg_param=0):
        super(TrainModel, self).__init__()
        self.rgcn = RGCN(num_nodes, o_dim, o_dim, num_rels * 2, num_bases, num_hidden_layers, dropout)
        self.reg_param = reg_param
        if nlabel == 0:
            self.supervised = False
            self.w_relation = nn.Parameter(torch.Tensor(num_rels, o_dim))
        else:
            self.supervised = True
            self.LinearLayer = torch.nn.Linear(o_dim, nlabel)

    def forward(self, g, h, r, norm):
        output = self.rgcn.forward(g, h, r, norm)
        if self.supervised:
            pred = self.LinearLayer(output)
        else:
            pred = None
        return output, pred

    def supervised_regularization_loss(self, embedding):
        return torch.mean(embedding.pow(2))

    def get_supervised_loss(self, embed, matched_labels, matched_index, multi):
        if multi:
            predict_loss = F.binary_cross_entropy(torch.sigmoid(embed[matched_index]), matched_labels)  # expect: LG004, LG016
        else:
            predict_loss = F.nll_loss(F.log_softmax(embed[matched_index]), matched_labels)  # expect: LG011
        reg_loss = self.supervised_regularization_loss(embed)
        return predict_loss + self.reg_param * reg_loss
