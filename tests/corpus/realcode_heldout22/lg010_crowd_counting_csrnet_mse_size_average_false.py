"""positive [LG010]: a CSRNet crowd-counting training script builds its density-map criterion as nn.MSELoss(size_average=False) (the deprecated argument for a summed loss) and trains and validates with it."""
# Source: surajdakua/Crowd-Counting-Using-Pytorch at 73c04c8c (read at the code issue #4, "train_error!", quotes: a
# density-map size mismatch from the user's own data), train.py; re-typed, identifiers renamed; the checkpoint
# resume, the learning-rate schedule body and the AverageMeter class shortened. model.CSRNet, utils.save_checkpoint
# and dataset.listDataset are not included.
import argparse
import json
import os
import time

import torch
import torch.nn as nn
from torch.autograd import Variable
from torchvision import transforms

import dataset
from model import CSRNet
from utils import save_checkpoint

parser = argparse.ArgumentParser(description="PyTorch CSRNet")
parser.add_argument("train_json", metavar="TRAIN", help="path to train json")
parser.add_argument("test_json", metavar="TEST", help="path to test json")
parser.add_argument("--pre", "-p", metavar="PRETRAINED", default=None, type=str, help="path to the pretrained model")
parser.add_argument("gpu", metavar="GPU", type=str, help="GPU id to use.")
parser.add_argument("task", metavar="TASK", type=str, help="task id to use.")


def main():
    global args, best_mae
    best_mae = 1e6
    args = parser.parse_args()
    args.original_lr = 1e-7
    args.lr = 1e-7
    args.batch_size = 1
    args.momentum = 0.95
    args.decay = 5 * 1e-4
    args.start_epoch = 0
    args.epochs = 400
    args.workers = 4
    args.seed = time.time()
    args.print_freq = 30
    with open(args.train_json, "r") as fh:
        train_list = json.load(fh)
    with open(args.test_json, "r") as fh:
        val_list = json.load(fh)

    os.environ["CUDA_VISIBLE_DEVICES"] = args.gpu
    torch.cuda.manual_seed(args.seed)

    net = CSRNet()
    net = net.cuda()

    criterion = nn.MSELoss(size_average=False).cuda()  # expect: LG010

    optimizer = torch.optim.SGD(net.parameters(), args.lr, momentum=args.momentum, weight_decay=args.decay)

    for epoch in range(args.start_epoch, args.epochs):
        adjust_learning_rate(optimizer, epoch)
        train(train_list, net, criterion, optimizer, epoch)
        mae = validate(val_list, net, criterion)
        is_best = mae < best_mae
        best_mae = min(mae, best_mae)
        save_checkpoint({
            "epoch": epoch + 1,
            "arch": args.pre,
            "state_dict": net.state_dict(),
            "best_prec1": best_mae,
            "optimizer": optimizer.state_dict(),
        }, is_best, args.task)


def train(train_list, net, criterion, optimizer, epoch):
    losses = AverageMeter()
    loader = torch.utils.data.DataLoader(
        dataset.listDataset(train_list, shuffle=True,
                            transform=transforms.Compose([
                                transforms.ToTensor(),
                                transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
                            ]),
                            train=True, seen=net.seen, batch_size=args.batch_size, num_workers=args.workers),
        batch_size=args.batch_size)

    net.train()
    for i, (img, density) in enumerate(loader):
        img = Variable(img.cuda())
        pred = net(img)
        density = density.type(torch.FloatTensor).unsqueeze(0).cuda()
        density = Variable(density)
        loss = criterion(pred, density)
        losses.update(loss.item(), img.size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if i % args.print_freq == 0:
            print("Epoch: [{0}][{1}/{2}]\tLoss {loss.val:.4f} ({loss.avg:.4f})".format(
                epoch, i, len(loader), loss=losses))


def validate(val_list, net, criterion):
    loader = torch.utils.data.DataLoader(
        dataset.listDataset(val_list, shuffle=False,
                            transform=transforms.Compose([
                                transforms.ToTensor(),
                                transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
                            ]), train=False),
        batch_size=args.batch_size)
    net.eval()
    mae = 0
    for i, (img, density) in enumerate(loader):
        img = Variable(img.cuda())
        pred = net(img)
        mae += abs(pred.data.sum() - density.sum().type(torch.FloatTensor).cuda())
    mae = mae / len(loader)
    print(" * MAE {mae:.3f} ".format(mae=mae))
    return mae


def adjust_learning_rate(optimizer, epoch):
    args.lr = args.original_lr
    for group in optimizer.param_groups:
        group["lr"] = args.lr


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count
