"""part of positive project [LG007]: the server picks the global model by --model and --dataset and hands each client a copy; with --dataset fmnist the clients' NLLLoss gets raw logits."""

# Source: AshwinRJ/Federated-Learning-PyTorch@26eaec4 src/federated_main.py (cut, renamed)
import argparse
import copy

import numpy as np
import torch

from client import ClientUpdate
from models import CifarNet, DigitNet, FashionNet
from data import load_splits


def average(weights):
    avg = copy.deepcopy(weights[0])
    for key in avg:
        for w in weights[1:]:
            avg[key] += w[key]
        avg[key] = torch.div(avg[key], len(weights))
    return avg


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="mnist")
    parser.add_argument("--num_classes", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--num_users", type=int, default=100)
    parser.add_argument("--frac", type=float, default=0.1)
    parser.add_argument("--local_ep", type=int, default=5)
    parser.add_argument("--local_bs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--gpu", default=None)
    args = parser.parse_args()

    user_sets = load_splits(args)
    if args.dataset == "mnist":
        global_model = DigitNet(args.num_classes)
    elif args.dataset == "fmnist":
        global_model = FashionNet()
    elif args.dataset == "cifar":
        global_model = CifarNet(args.num_classes)
    else:
        raise SystemExit("unknown dataset")

    for epoch in range(args.epochs):
        local_weights = []
        m = max(int(args.frac * args.num_users), 1)
        for idx in np.random.choice(range(args.num_users), m, replace=False):
            client = ClientUpdate(args, user_sets[idx])
            w, _ = client.train_local(copy.deepcopy(global_model))
            local_weights.append(copy.deepcopy(w))
        global_model.load_state_dict(average(local_weights))
