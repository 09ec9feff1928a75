"""part of look-alike project [LG003, LG004, LG006, LG013, LG016]: GIN pools the node states and ends in a Linear head of one output for a binary task and num_class outputs otherwise: raw scores."""
# Source: Graph-COM/GSAT at 6812f5ca, src/models/gin.py; re-typed, identifiers renamed; the OGB atom and bond encoders and the edge-attention
# convolutions (conv_layers.py) shortened to torch_geometric's GINConv.
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Linear
from torch_geometric.nn import GINConv, global_add_pool


class GIN(nn.Module):
    def __init__(self, x_dim, edge_attr_dim, num_class, multi_label, model_config):
        super().__init__()
        self.n_layers = model_config['n_layers']
        hidden = model_config['hidden_size']
        self.dropout_p = model_config['dropout_p']
        self.node_encoder = Linear(x_dim, hidden)
        self.convs = nn.ModuleList()
        self.relu = nn.ReLU()
        self.pool = global_add_pool
        for _ in range(self.n_layers):
            self.convs.append(GINConv(GIN.MLP(hidden, hidden)))
        self.fc_out = nn.Sequential(nn.Linear(hidden, 1 if num_class == 2 and not multi_label else num_class))

    def forward(self, x, edge_index, batch, edge_attr=None, edge_atten=None):
        x = self.node_encoder(x)
        for i in range(self.n_layers):
            x = self.convs[i](x, edge_index)
            x = self.relu(x)
            x = F.dropout(x, p=self.dropout_p, training=self.training)
        return self.fc_out(self.pool(x, batch))

    @staticmethod
    def MLP(in_channels, out_channels):
        return nn.Sequential(Linear(in_channels, out_channels), nn.BatchNorm1d(out_channels), nn.ReLU(inplace=True),
                             Linear(out_channels, out_channels))
