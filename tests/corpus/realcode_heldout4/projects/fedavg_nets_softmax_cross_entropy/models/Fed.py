"""part of positive project [LG001]: FedAvg averages the clients' state dicts key by key."""
# Source: https://github.com/shaoxiongji/federated-learning models/Fed.py at 3142750192f607e77024895ca76014e99f362989; re-typed, names changed.
import copy

import torch


def FedAvg(w):
    w_avg = copy.deepcopy(w[0])
    for k in w_avg.keys():
        for i in range(1, len(w)):
            w_avg[k] += w[i][k]
        w_avg[k] = torch.div(w_avg[k], len(w))
    return w_avg
