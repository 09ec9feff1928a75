"""part of look-alike project [LG006, LG007, LG011]: brain-graph classifiers (GCN, GAT, GIN over fMRI connectivity graphs): each pools the node features with global_mean_pool and returns F.log_softmax(x, dim=1); the GCN also returns the pooled feature (a tuple), the GIN keeps its pooled rows in a list attribute for later plotting."""
# Source: Raniac/Schizo_Graph_Net at 5ce9c607 (read as is), models.py;
# re-typed, identifiers renamed; the older experiment nets and the DiffPool blocks cut.
import torch
import torch.nn.functional as F
from torch.nn import Linear as Lin
from torch.nn import ReLU
from torch.nn import Sequential as Seq
from torch_geometric.nn import GATConv, GCNConv, GINConv, global_mean_pool


class GCNNet(torch.nn.Module):
    def __init__(self):
        super(GCNNet, self).__init__()
        self.conv1 = GCNConv(4, 16)
        self.conv2 = GCNConv(16, 64)

    def forward(self, data):
        x, edge_index, batch = data.x, data.edge_index, data.batch
        x = self.conv1(x, edge_index)
        x = F.relu(x)
        x = self.conv2(x, edge_index)
        x = global_mean_pool(x, batch)
        feature_after_gmp = x
        return F.log_softmax(x, dim=1), feature_after_gmp


class GATNet(torch.nn.Module):
    def __init__(self):
        super(GATNet, self).__init__()
        self.conv1 = GATConv(4, 8)
        self.conv2 = GATConv(8, 8)

    def forward(self, data):
        x, edge_index, batch = data.x, data.edge_index, data.batch
        x = self.conv1(x, edge_index)
        x = F.relu(x)
        x = self.conv2(x, edge_index)
        x = F.dropout(x, training=self.training)
        x = global_mean_pool(x, batch)
        return F.log_softmax(x, dim=1)


class GIN(torch.nn.Module):
    def __init__(self):
        super(GIN, self).__init__()
        mlp = Seq(Lin(4, 16), ReLU(), Lin(16, 4))
        self.conv = GINConv(mlp, train_eps=True)
        self.feat_after_gap = []

    def forward(self, data):
        x, edge_index, batch = data.x, data.edge_index, data.batch
        x = self.conv(x, edge_index)
        x = F.relu(x)
        x = global_mean_pool(x, batch)
        self.feat_after_gap.extend(x)
        return F.log_softmax(x, dim=1)
