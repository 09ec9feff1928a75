"""part of positive project [LG001, LG011]: init_model initialises a network's weights, optionally restores them, moves it to the GPU and returns the same module."""
# Source: corenel/pytorch-adda@96f2689dd418ef275fcd0b057e5dff89be5762c5 utils.py (read as is; its issue #19 asks about the critic's zero_grad; re-typed, identifiers renamed, the data-loader and save helpers left out)
import os
import random

import torch
import torch.backends.cudnn as cudnn
from torch.autograd import Variable


def make_variable(tensor, volatile=False):
    if torch.cuda.is_available():
        tensor = tensor.cuda()
    return Variable(tensor, volatile=volatile)


def init_weights(layer):
    name = layer.__class__.__name__
    if name.find("Conv") != -1:
        layer.weight.data.normal_(0.0, 0.02)
    elif name.find("BatchNorm") != -1:
        layer.weight.data.normal_(1.0, 0.02)
        layer.bias.data.fill_(0)


def init_random_seed(manual_seed):
    seed = random.randint(1, 10000) if manual_seed is None else manual_seed
    random.seed(seed)
    torch.manual_seed(seed)


def init_model(net, restore):
    net.apply(init_weights)
    if restore is not None and os.path.exists(restore):
        net.load_state_dict(torch.load(restore))
        net.restored = True
    if torch.cuda.is_available():
        cudnn.benchmark = True
        net.cuda()
    return net
