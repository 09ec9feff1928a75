"""part of positive project [LG007]: ENZYMES graph classification with F.nll_loss on the model's output."""

# Source: stn54999/Graph2Node@5d7339847d Run/main.py (train and the first training run, re-typed; the super-node stage cut)
import torch
import torch.nn.functional as F
from general_gnn import GNNModel
from torch_geometric.data import DataLoader
from torch_geometric.datasets import TUDataset
from torch_geometric.nn import GCNConv, global_mean_pool

dataset = TUDataset(root="/tmp/TUDataset", name="ENZYMES").shuffle()
train_dataset = dataset[:540]
train_loader = DataLoader(train_dataset, batch_size=32, shuffle=True)


def train(model, loader, optimizer):
    model.train()
    loss_all = 0
    for data in loader:
        optimizer.zero_grad()
        output = model(data.x, data.edge_index, data.batch)
        loss = F.nll_loss(output, data.y)  # expect: LG007
        loss.backward()
        optimizer.step()
        loss_all += loss.item() * data.num_graphs
    return loss_all / len(train_dataset)


model = GNNModel(dataset.num_node_features, 64, dataset.num_classes, GCNConv, global_mean_pool)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(1, 10):
    print(epoch, train(model, train_loader, optimizer))
