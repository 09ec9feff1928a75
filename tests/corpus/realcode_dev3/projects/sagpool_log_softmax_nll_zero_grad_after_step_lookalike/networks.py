"""part of look-alike project [LG007, LG014]: the graph classifier ends in F.log_softmax over the class dimension, which is what F.nll_loss expects."""
# Source: inyeoplee77/SAGPool@870ccf0391a0628d15ab1b0011f360f1b8ad0a94 networks.py (read as is; re-typed, the pooling layer's own file left out)
import torch
import torch.nn.functional as F
from torch_geometric.nn import GCNConv
from torch_geometric.nn import global_max_pool as gmp
from torch_geometric.nn import global_mean_pool as gap

from layers import SAGPool


class Net(torch.nn.Module):
    def __init__(self, args):
        super(Net, self).__init__()
        self.args = args
        self.hidden = args.nhid
        self.drop = args.dropout_ratio
        self.conv1 = GCNConv(args.num_features, self.hidden)
        self.pool1 = SAGPool(self.hidden, ratio=args.pooling_ratio)
        self.conv2 = GCNConv(self.hidden, self.hidden)
        self.pool2 = SAGPool(self.hidden, ratio=args.pooling_ratio)
        self.conv3 = GCNConv(self.hidden, self.hidden)
        self.pool3 = SAGPool(self.hidden, ratio=args.pooling_ratio)
        self.lin1 = torch.nn.Linear(self.hidden * 2, self.hidden)
        self.lin2 = torch.nn.Linear(self.hidden, self.hidden // 2)
        self.lin3 = torch.nn.Linear(self.hidden // 2, args.num_classes)

    def forward(self, data):
        x, edges, batch = data.x, data.edge_index, data.batch
        x = F.relu(self.conv1(x, edges))
        x, edges, _, batch, _ = self.pool1(x, edges, None, batch)
        r1 = torch.cat([gmp(x, batch), gap(x, batch)], dim=1)
        x = F.relu(self.conv2(x, edges))
        x, edges, _, batch, _ = self.pool2(x, edges, None, batch)
        r2 = torch.cat([gmp(x, batch), gap(x, batch)], dim=1)
        x = F.relu(self.conv3(x, edges))
        x, edges, _, batch, _ = self.pool3(x, edges, None, batch)
        r3 = torch.cat([gmp(x, batch), gap(x, batch)], dim=1)
        x = r1 + r2 + r3
        x = F.relu(self.lin1(x))
        x = F.dropout(x, p=self.drop, training=self.training)
        x = F.relu(self.lin2(x))
        x = F.log_softmax(self.lin3(x), dim=-1)
        return x
