"""part of positive project [LG006, LG010, LG011]: the training script feeds the network's log-probabilities to F.nll_loss (correct input, the dim-less log_softmax aside)."""
# Source: PingjunChen/pytorch-study at 2bc05f3a310d4bf4f618b0a5adfc684a81f75efa mnist-pytorch/train_mnist.py (argument parser shortened to the options used; loop kept)
import os
import argparse
import shutil

import torch
import torch.optim as optim
from torch.autograd import Variable
import torch.nn.functional as F

from network import DigitNet
from loader import make_train_loader


def set_args():
    parser = argparse.ArgumentParser(description='PyTorch MNIST Example')
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--device_id', type=int, default=3)
    parser.add_argument('--log-interval', type=int, default=10)
    parser.add_argument('--model-dir', type=str, default="../models/MNIST")
    parser.add_argument('--model-name', type=str, default="mnist")
    return parser.parse_args()


def train(data_loader, model, args):
    model.train()
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)

    if os.path.exists(args.model_dir):
        shutil.rmtree(args.model_dir)
    os.makedirs(args.model_dir)

    for epoch in range(1, args.epochs + 1):
        for batch_idx, (data, target) in enumerate(data_loader):
            if args.cuda:
                data, target = data.cuda(args.device_id), target.cuda(args.device_id)
            data, target = Variable(data), Variable(target)
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
            if batch_idx > 0 and batch_idx % args.log_interval == 0:
                print("Train Epoch: {} [{}/{}]\t Loss: {:.6f}".format(
                    epoch, batch_idx * len(data), len(data_loader.dataset), loss.data[0]))
        name = args.model_name + "-" + str(epoch).zfill(2) + ".pth"
        torch.save(model.state_dict(), os.path.join(args.model_dir, name))


if __name__ == '__main__':
    args = set_args()
    torch.manual_seed(args.seed)
    model = DigitNet()
    args.cuda = torch.cuda.is_available()
    if args.cuda:
        torch.cuda.manual_seed(args.seed)
        model.cuda(args.device_id)

    data_loader = make_train_loader(args)
    train(data_loader, model, args)
