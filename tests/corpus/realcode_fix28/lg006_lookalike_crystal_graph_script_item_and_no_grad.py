"""look-alike [LG006]: the same crystal-graph prototype at the fix: the training loop appends `loss.item()`, and the evaluation pass keeps `test_loss.append(loss)` inside `torch.no_grad()`, where the loss has no graph."""

# Source: usnistgov/alignn@74601c1717 jarvisdgl/main.py (the fix of 28ce56835e's epoch loss lists) (cut, renamed)
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


def run_epoch(loader, net, loss_fn, opt, sched):
    epoch_losses = []
    net.train()
    for graph, target in loader:
        pred = net(graph)
        loss = loss_fn(pred, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        epoch_losses.append(loss.item())
    return epoch_losses


def check_epoch(loader, net, loss_fn):
    net.eval()
    held_losses = []
    for graph, target in loader:
        with torch.no_grad():
            pred = net(graph)
            loss = loss_fn(pred, target)
            held_losses.append(loss)
    return held_losses


def fit_property(train_set, val_set, collate, n_epochs=10):
    train_loader = DataLoader(train_set, batch_size=32, shuffle=True, collate_fn=collate, drop_last=True)
    val_loader = DataLoader(val_set, batch_size=32, shuffle=True, collate_fn=collate, drop_last=True)
    net = CrystalGCN()
    loss_fn = torch.nn.L1Loss()
    opt = optim.AdamW(net.parameters(), lr=1e-3, weight_decay=0)
    sched = optim.lr_scheduler.OneCycleLR(opt, max_lr=1e-2, epochs=n_epochs, steps_per_epoch=len(train_loader))
    history = []
    for epoch in range(n_epochs):
        tr = run_epoch(train_loader, net, loss_fn, opt, sched)
        va = check_epoch(val_loader, net, loss_fn)
        history.append(np.mean(tr))
        va = [v.data for v in va]
        print("t_loss,v_loss", epoch, tr[-1], va[-1])
    return history
