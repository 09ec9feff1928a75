"""positive [LG001]: a DGL heterogeneous-graph classifier returns F.softmax(self.classify(hg), dim=0) (over the batch of graphs, not the classes); main() feeds that output, named logits, to F.cross_entropy."""
# Source: ZZy979/pytorch-tutorial at 65b521b1 (read as is), gnn/dgl/graph_clf_hetero.py; re-typed, identifiers
# renamed; the random-graph dataset's construction kept in outline. gnn/data.py and gnn/dgl/model.py (the R-GCN
# encoder, which ends in a graph convolution) are not included.
import random

import dgl
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from dgl.data import DGLDataset
from dgl.dataloading import GraphDataLoader

from gnn.data import UserItemDataset as SingleUserItemGraph
from gnn.dgl.model import RGCNFull


class GraphLevelClassifier(nn.Module):
    def __init__(self, in_dim, hid_dim, n_classes, relations):
        super().__init__()
        self.encoder = RGCNFull(in_dim, hid_dim, hid_dim, relations)
        self.classify = nn.Linear(hid_dim, n_classes)

    def forward(self, g):
        h = self.encoder(g, g.ndata["feat"])
        with g.local_scope():
            g.ndata["h"] = h
            # average readout over every node type
            hg = sum(dgl.mean_nodes(g, "h", ntype=nt) for nt in g.ntypes)
            return F.softmax(self.classify(hg), dim=0)


class RandomUserItemGraphs(DGLDataset):
    def __init__(self):
        self.graphs = []
        self.labels = []
        self.n_features = 10
        self.num_classes = 3
        super().__init__("user-item")

    def process(self):
        random.seed(42)
        for _ in range(100):
            g = SingleUserItemGraph(
                n_users=random.randint(5, 10),
                n_items=random.randint(5, 10),
                n_follows=random.randint(10, 20),
                n_clicks=random.randint(10, 20),
                n_dislikes=random.randint(10, 20),
                n_features=self.n_features,
            )[0]
            self.graphs.append(g)
            self.labels.append(random.randrange(self.num_classes))

    def __getitem__(self, idx):
        return self.graphs[idx], self.labels[idx]

    def __len__(self):
        return len(self.graphs)


def main():
    ds = RandomUserItemGraphs()
    loader = GraphDataLoader(ds, batch_size=32, shuffle=True)

    net = GraphLevelClassifier(ds.n_features, 20, ds.num_classes, ds[0][0].etypes)
    opt = optim.Adam(net.parameters())

    for epoch in range(5):
        for graphs, labels in loader:
            logits = net(graphs)
            loss = F.cross_entropy(logits, labels)  # expect: LG001
            opt.zero_grad()
            loss.backward()
            opt.step()
            print(loss.item())


if __name__ == "__main__":
    main()
