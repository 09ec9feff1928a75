"""part of look-alike project [LG007, LG014]: the module-level training loop steps and then clears the gradients (an issue asked why zero_grad comes after step; the order is fine, every backward follows a clear), and the test helper sums `.item()` of a summed nll_loss."""
# Source: inyeoplee77/SAGPool@870ccf0391a0628d15ab1b0011f360f1b8ad0a94 main.py (read as is; issue #15 "why optimizer.zero_grad() after optimizer.step()?"; re-typed, argument parser shortened)
import argparse
import os

import torch
import torch.nn.functional as F
from torch.utils.data import random_split
from torch_geometric.data import DataLoader
from torch_geometric.datasets import TUDataset

from networks import Net

parser = argparse.ArgumentParser()
parser.add_argument('--seed', type=int, default=777)
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--lr', type=float, default=0.0005)
parser.add_argument('--weight_decay', type=float, default=0.0001)
parser.add_argument('--dataset', type=str, default='DD')
parser.add_argument('--epochs', type=int, default=100000)
parser.add_argument('--patience', type=int, default=50)
args = parser.parse_args()
args.device = 'cuda:0' if torch.cuda.is_available() else 'cpu'
graphs = TUDataset(os.path.join('data', args.dataset), name=args.dataset)
args.num_classes = graphs.num_classes
args.num_features = graphs.num_features

n_train = int(len(graphs) * 0.8)
n_val = int(len(graphs) * 0.1)
train_set, val_set, test_set = random_split(graphs, [n_train, n_val, len(graphs) - n_train - n_val])
train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
val_loader = DataLoader(val_set, batch_size=args.batch_size, shuffle=False)
test_loader = DataLoader(test_set, batch_size=1, shuffle=False)
model = Net(args).to(args.device)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)


def test(model, loader):
    model.eval()
    correct = 0.
    total = 0.
    for data in loader:
        data = data.to(args.device)
        out = model(data)
        pred = out.max(dim=1)[1]
        correct += pred.eq(data.y).sum().item()
        total += F.nll_loss(out, data.y, reduction='sum').item()
    return correct / len(loader.dataset), total / len(loader.dataset)


best = 1e10
waited = 0
for epoch in range(args.epochs):
    model.train()
    for i, data in enumerate(train_loader):
        data = data.to(args.device)
        out = model(data)
        loss = F.nll_loss(out, data.y)
        print("Training loss:{}".format(loss.item()))
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    val_acc, val_loss = test(model, val_loader)
    if val_loss < best:
        torch.save(model.state_dict(), 'latest.pth')
        best = val_loss
        waited = 0
    else:
        waited += 1
    if waited > args.patience:
        break
