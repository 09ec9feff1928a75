"""part of positive project [LG002]: a graph network whose head ends in a Linear (one output for the binary task), built only through a registry."""

# Source: CIDARLAB/knoxAI@2b712fd158 app/models/GNN/model.py (GNN, re-typed; four of the five convolutions and the edge embeddings cut)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch_geometric.nn as pyg_nn
from lightning import pytorch as pl
from torch_geometric.nn import GraphConv

from losses import get_criterion
from steps import SharedStepsMixin


class GNN(SharedStepsMixin, pl.LightningModule):
    def __init__(self, **kwargs):
        super().__init__()
        self.save_hyperparameters()
        self.task = kwargs.get("task", "regression")
        self.loss_fn, self.loss_name = get_criterion(self.task)
        hidden = kwargs.get("hidden_channels")
        self.dropout = kwargs.get("dropout")
        self.convs = nn.ModuleList()
        self.batch_norms = nn.ModuleList()
        for i in range(kwargs.get("num_layers")):
            self.convs.append(GraphConv(kwargs.get("in_channels") if i == 0 else hidden, hidden))
            self.batch_norms.append(nn.BatchNorm1d(hidden))
        self.post_mp = nn.Sequential(
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Dropout(self.dropout),
            nn.Linear(hidden, kwargs.get("out_channels")),
        )
        self.pooling = {"mean": pyg_nn.global_mean_pool, "add": pyg_nn.global_add_pool}.get(kwargs.get("pooling_method", "mean"))

    def forward(self, batch):
        x = batch.x
        for conv, bn in zip(self.convs, self.batch_norms):
            x = F.dropout(F.relu(bn(conv(x, batch.edge_index))), p=self.dropout, training=self.training)
        return self.post_mp(self.pooling(x, batch.batch))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
