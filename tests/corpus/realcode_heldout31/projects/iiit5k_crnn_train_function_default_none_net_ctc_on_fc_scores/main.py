"""part of positive project [LG012]: main() builds the CRNN, loads a checkpoint if present and passes it to utils_fit.train(net=...)."""
# Source: Dreaming-future/CRNN-pytorch at b32b98e3ea48961cb1b959a576982eeaf8b54f78 main.py (docstring shortened; both branches kept)
import argparse
from crnn import WordReader
import os
import torch

from utils_fit import test, train


def main(epoch_num, lr=0.1, training=True, fix_width=True):
    model_path = ('fix_width_' if fix_width else '') + 'crnn.pth'
    letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
    root = 'data/IIIT5K/'
    if training:
        net = WordReader(1, len(letters) + 1)
        start_epoch = 0
        if os.path.exists(model_path):
            net.load_state_dict(torch.load(model_path))
        net = train(root, start_epoch, epoch_num, letters, net=net, lr=lr, fix_width=fix_width)
        torch.save(net.state_dict(), model_path)
        test(root, net, letters, fix_width=fix_width)
    else:
        net = WordReader(1, len(letters) + 1)
        if os.path.exists(model_path):
            net.load_state_dict(torch.load(model_path))
        test(root, net, letters, fix_width=fix_width)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epoch_num', type=int, default=50)
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--test', action='store_true')
    parser.add_argument('--fix_width', action='store_true')
    opt = parser.parse_args()
    main(opt.epoch_num, lr=opt.lr, training=(not opt.test), fix_width=opt.fix_width)
