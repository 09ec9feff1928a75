"""positive [LG006, LG014]: a Hex self-play trainer (Monte-Carlo policy iteration with a GraphSAGE action-value network) appends every training step's MSELoss tensor to some_losses and back-propagates it, then steps Adam, without ever zeroing the gradients; the validation losses are appended under torch.no_grad."""
# Source: yannikkellerde/GNN_Hex at 0864f957 (read as is; unchanged at HEAD f24a9511), GN0/other/MCPI.py; re-typed, identifiers renamed; the
# self-play actor processes (here one undefined play_games call), the curriculum on the board size and the model printout cut. graph_game and GN0.models (the
# pre-defined action-value GNN) are not included.
import itertools
import os
import random
from collections import deque

import numpy as np
import torch
from alive_progress import alive_bar
from torch.nn import MSELoss
from torch.optim import Adam
from torch.utils.tensorboard import SummaryWriter
from torch_geometric.loader import DataLoader

from GN0.models import get_pre_defined

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def fit(samples, net, opt, batch_size, epochs):
    crit = MSELoss()
    random.shuffle(samples)
    train_part = list(itertools.islice(samples, 0, int(len(samples) * 0.9)))
    val_part = list(itertools.islice(samples, int(len(samples) * 0.9), len(samples)))
    train_loader = DataLoader(train_part, batch_size, shuffle=True)
    val_loader = DataLoader(val_part, batch_size)

    net.eval()
    val_losses = []
    with torch.no_grad():
        with alive_bar(len(val_loader), title="eval") as bar:
            for batch in val_loader:
                q = net(batch.x, batch.edge_index).squeeze()
                keep = batch.y != 0
                loss = crit(q[keep], batch.y[keep])
                val_losses.append(loss)
                bar()
    print("starting val loss", sum(val_losses) / len(val_losses))

    net.train()
    all_losses = []
    for epoch in range(epochs):
        epoch_losses = []
        with alive_bar(len(train_loader), title="train") as bar:
            for i, batch in enumerate(train_loader):
                if i == len(train_loader) - 1 and hasattr(net, "supports_cache") and net.supports_cache:
                    q = net(batch.x, batch.edge_index, set_cache=True).squeeze()
                else:
                    q = net(batch.x, batch.edge_index).squeeze()
                keep = batch.y != 0
                loss = crit(q[keep], batch.y[keep])
                epoch_losses.append(loss)  # expect: LG006
                loss.backward()
                opt.step()  # expect: LG014
                bar()
        print(sum(epoch_losses) / len(epoch_losses))
        all_losses.extend(epoch_losses)

    net.eval()
    val_losses = []
    with torch.no_grad():
        for batch in val_loader:
            q = net(batch.x, batch.edge_index).squeeze()
            keep = batch.y != 0
            val_losses.append(crit(q[keep], batch.y[keep]))
    print("later val loss", sum(val_losses) / len(val_losses))
    net.train()
    return sum(all_losses) / len(all_losses)


def repeated_self_training(load_model=True):
    buffer = deque(maxlen=80000)
    writer = SummaryWriter("run/MCPI")
    net = get_pre_defined("action_value").to(device)
    opt = Adam(net.parameters(), lr=4e-6)
    epoch = 0
    hex_size = 11
    temperature = 0.5
    min_loss = np.inf
    if load_model:
        ckpt = torch.load(os.path.join("model", f"MCPI_curriculum_{hex_size}.pt"))
        net.load_state_dict(ckpt["model_state_dict"])
        opt.load_state_dict(ckpt["optimizer_state_dict"])
        min_loss = ckpt["loss"]
    while True:
        epoch += 1
        buffer.extend(play_games(net, temperature, 300, hex_size))
        loss = fit(buffer, net, opt, 512, 1)
        writer.add_scalar("Train/loss", loss, epoch)
        if loss < min_loss:
            min_loss = loss
            temperature = min(min_loss * 0.5, temperature)
            torch.save({"model_state_dict": net.state_dict(), "optimizer_state_dict": opt.state_dict(),
                        "loss": loss}, os.path.join("model", f"MCPI_curriculum_{hex_size}.pt"))


if __name__ == "__main__":
    repeated_self_training()
