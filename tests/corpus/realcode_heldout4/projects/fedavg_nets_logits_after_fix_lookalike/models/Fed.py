"""part of look-alike project [LG001, LG006]: FedAvg averages the clients' state dicts key by key."""
# Source: https://github.com/shaoxiongji/federated-learning models/Fed.py at 5ffe3e31cbd52ca3042d6af012b0d5fd55352e4f; re-typed, names changed.
import copy

import torch


def FedAvg(w):
    w_avg = copy.deepcopy(w[0])
    for k in w_avg.keys():
        for i in range(1, len(w)):
            w_avg[k] += w[i][k]
        w_avg[k] = torch.div(w_avg[k], len(w))
    return w_avg
