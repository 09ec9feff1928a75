"""positive [LG006]: a crystal-graph regression prototype returns each epoch's losses as a list of the loss tensors, `train_loss.append(loss)` after every step, and its evaluation pass back-propagates the validation loss and keeps it the same way, `test_loss.append(loss)`: both lists hold every batch's graph until the epoch's summary (the fix appends `loss.item()` and runs evaluation under `torch.no_grad()`)."""

# Source: usnistgov/alignn@28ce56835e jarvisdgl/main.py, fixed in 74601c1717 ("pull in dgl implementation of CGCNN ... prototype main training script around it") (cut, renamed)
import numpy as np
import torch
from torch import optim
from torch.utils.data import DataLoader


class CrystalGCN(torch.nn.Module):
    def __init__(self, in_features=1, width=32):
        super().__init__()
        self.embed = torch.nn.Linear(in_features, width)
        self.head = torch.nn.Linear(width, 1)

    def forward(self, graph):
        h = torch.relu(self.embed(graph.ndata["feat"]))
        return self.head(h.mean(0, keepdim=True)).squeeze(-1)


def run_epoch(loader, net, loss_fn, opt):
    epoch_losses = []
    net.train()
    for graph, target in loader:
        pred = net(graph)
        loss = loss_fn(pred, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        epoch_losses.append(loss)  # expect: LG006
    return epoch_losses


def check_epoch(loader, net, loss_fn, opt):
    held_losses = []
    net.eval()
    for graph, target in loader:
        pred = net(graph)
        loss = loss_fn(pred, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        held_losses.append(loss)  # expect: LG006
    return held_losses


def fit_property(train_set, val_set, collate, n_epochs=10):
    train_loader = DataLoader(train_set, batch_size=1, shuffle=True, collate_fn=collate, drop_last=True)
    val_loader = DataLoader(val_set, batch_size=1, shuffle=True, collate_fn=collate, drop_last=True)
    net = CrystalGCN()
    loss_fn = torch.nn.L1Loss()
    opt = optim.AdamW(net.parameters(), lr=1e-4, weight_decay=0)
    history = []
    for epoch in range(n_epochs):
        tr = run_epoch(train_loader, net, loss_fn, opt)
        va = check_epoch(val_loader, net, loss_fn, opt)
        history.append(np.mean(np.array([v.data for v in tr])))
        va = [v.data for v in va]
        print("t_loss,v_loss", epoch, tr[-1], va[-1])
    return history
