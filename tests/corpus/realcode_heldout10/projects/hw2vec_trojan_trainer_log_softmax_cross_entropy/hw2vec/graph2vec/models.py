"""part of positive project [LG001]: GRAPH2VEC ends in a plain nn.Linear set through set_output_layer (mlp returns self.fc(x)); the module also re-exports torch.nn as nn to the star-importing trainers."""
# Source: AICPS/hw2vec@545dd5947124ca2d99680508f8e7d55d60fb20d2 hw2vec/graph2vec/models.py (read as is; issue #23 of the repository; re-typed, cut at class boundaries: GRAPH_CONV, GRAPH_POOL, GRAPH_READOUT and GRAPH2VEC's save/load methods left out)
import json
from pathlib import Path
import torch
import torch.nn as nn
import torch.nn.functional as F

from torch.nn import Linear, ReLU


class GRAPH2VEC(nn.Module):

    def __init__(self, config):
        super(GRAPH2VEC, self).__init__()
        self.config = config

    def set_graph_conv(self, convs):
        self.layers = []
        for conv in convs:
            conv.to(self.config.device)
            self.layers.append(conv)
        self.layers = nn.ModuleList(self.layers)

    def set_graph_pool(self, pool_layer):
        self.pool1 = pool_layer.to(self.config.device)

    def set_graph_readout(self, readout):
        self.graph_readout = readout

    def set_output_layer(self, layer):
        self.fc = layer.to(self.config.device)

    def embed_graph(self, x, edge_index, batch):
        attn = dict()
        x = F.one_hot(x, num_classes=self.config.num_feature_dim).float()
        for layer in self.layers:
            x = F.dropout(F.relu(layer(x, edge_index)), p=self.config.dropout, training=self.training)
        x, edge_index, _, batch, attn['pool_perm'], attn['pool_score'] = self.pool1(x, edge_index, batch=batch)
        x = self.graph_readout(x, batch)
        attn['batch'] = batch
        return x, attn

    def mlp(self, x):
        return self.fc(x)
