"""positive [LG006]: a supervised trainer for a policy/value graph network on Hex positions appends the step's total loss and its two parts (MSE policy loss, BCE value loss) to per-epoch lists in a defaultdict after back-propagating them, keeping every batch's graph until the epoch's averages are taken; the test losses are appended under torch.no_grad."""
# Source: yannikkellerde/GNN_Hex at 0864f957 (read as is; unchanged at HEAD f24a9511), GN0/supervised/train_GCN.py; re-typed, identifiers renamed;
# the checkpoint helper shortened and the Qango entry point cut. GN0.models, the dataset module and
# graph_cross_entropy (GN0.util.util) are not included; GCN is used without an import, as in the source.
import os
from collections import defaultdict

import numpy as np
import torch
import torch_geometric.utils
from torch.nn import BCELoss, MSELoss
from torch.utils.data import random_split
from torch.utils.tensorboard import SummaryWriter
from torch_geometric.loader import DataLoader
from tqdm import tqdm, trange

from GN0.models import GCN_with_glob, perfs
from GN0.supervised.graph_dataset import SupervisedDataset, hex_pre_transform
from GN0.util.util import graph_cross_entropy

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_graph_net(net, dataset, run_name, writer, epochs=2000, lr=0.002, batch_size=256, hparams=None,
                    policy_weight=1):
    def save(tag):
        torch.save({"epoch": epochs, "model_state_dict": net.state_dict(),
                    "optimizer_state_dict": opt.state_dict(), "losses": logs, "hparams": hparams},
                   os.path.join("model", f"{run_name}_{tag}.pt"))

    n_train = int(0.8 * len(dataset))
    train_set, test_set = random_split(dataset, [n_train, len(dataset) - n_train])
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
    test_loader = DataLoader(test_set, batch_size=batch_size, shuffle=True)

    opt = torch.optim.Adam(net.parameters(), lr=lr)
    value_crit = BCELoss()
    mse = MSELoss()

    net.train()
    best_ev = np.inf
    best_loss = np.inf
    for epoch in trange(epochs):
        logs = defaultdict(list)
        for i, batch in tqdm(enumerate(train_loader), total=len(train_loader)):
            mask = batch.train_mask | batch.test_mask
            opt.zero_grad()
            policy, value = net(batch.x, batch.edge_index, graph_indices=batch.batch)
            policy_loss = mse(policy[mask], batch.y[mask])
            value_loss = value_crit(value.squeeze(), batch.global_y)
            loss = policy_loss * policy_weight + value_loss
            loss.backward()
            opt.step()
            logs["Train/loss"].append(loss)  # expect: LG006
            logs["Train/value_loss"].append(value_loss)  # expect: LG006
            logs["Train/policy_loss"].append(policy_loss)  # expect: LG006
        with torch.no_grad():
            for batch in tqdm(test_loader):
                mask = batch.train_mask | batch.test_mask
                policy, value = net(batch.x, batch.edge_index, graph_indices=batch.batch)
                policy_ce = graph_cross_entropy(
                    policy[mask].squeeze(),
                    torch_geometric.utils.softmax(batch.y[mask], index=batch.batch[mask]).squeeze(),
                    index=batch.batch[mask],
                )
                value_loss = value_crit(value.squeeze(), batch.global_y)
                policy_mse = mse(policy[mask], batch.y[mask])
                loss = policy_mse * policy_weight + value_loss
                logs["Test/loss"].append(loss)
                logs["Test/value_loss"].append(value_loss)
                logs["Test/policy_loss"].append(policy_mse)
                logs["Test/policy_cross_entropy"].append(policy_ce)

        logs = {key: sum(vals) / len(vals) for key, vals in logs.items()}
        if logs["Train/loss"] < best_loss:
            best_loss = logs["Train/loss"]
        for key, val in logs.items():
            writer.add_scalar(key, val, epoch)
        if logs["Test/loss"] < best_ev:
            best_ev = logs["Test/loss"]
            save("best")
        elif epoch % 100 == 0:
            save(str(epoch))
    save("final")
    return best_ev, best_loss


def train_hex():
    writer = SummaryWriter("run/GNNs_master2")
    dataset = SupervisedDataset(root="./hexdata", device=device, pre_transform=hex_pre_transform, game_type="hex",
                                num_graphs=5000, drop=True)
    net = GCN(3, 1, conv_layers=13, conv_dim=32, parameter_sharing=False, instance_norm=True).to(device)
    train_graph_net(net, dataset, "GCN_hex_unshared", writer, lr=0.002, batch_size=256)


if __name__ == "__main__":
    train_hex()
