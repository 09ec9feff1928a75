"""look-alike [LG014]: a distributed RPC trainer: dist_autograd.backward([loss]) inside 'with dist_autograd.context():' keeps each iteration's gradients in its own context, never in .grad, so the DistributedOptimizer's step() needs no zero_grad()."""

# Source: Lornatang/PyTorch@1a998bf samples/distributed/rpc/rnn/main.py (a copy of pytorch/examples' distributed/rpc/rnn; cut, renamed)
import torch
import torch.distributed.autograd as dist_autograd
import torch.optim as optim
from torch.distributed.optim import DistributedOptimizer

import rnn


def run_trainer(n_token=7, n_inp=2, n_hid=3, n_layers=4, n_idx=6, batch=5):
    state = (torch.randn(n_layers, n_idx, n_hid), torch.randn(n_layers, n_idx, n_hid))
    model = rnn.RNNModel("ps", n_token, n_inp, n_hid, n_layers)
    opt = DistributedOptimizer(optim.SGD, model.parameter_rrefs(), lr=0.05)
    criterion = torch.nn.CrossEntropyLoss()

    def batches():
        for _ in range(5):
            yield torch.LongTensor(batch, n_idx) % n_token, torch.LongTensor(batch, n_token) % n_idx

    for epoch in range(10):
        for data, target in batches():
            with dist_autograd.context():
                state[0].detach_()
                state[1].detach_()
                out, state = model(data, state)
                loss = criterion(out, target)
                dist_autograd.backward([loss])
                opt.step()
        print("epoch {}".format(epoch))
