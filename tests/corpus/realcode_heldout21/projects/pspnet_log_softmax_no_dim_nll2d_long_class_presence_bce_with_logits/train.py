"""part of positive project [LG004, LG011]: the training routine (its docstring: y_cls is a "BxN LongTensor" of 0/1 class presence) feeds the presence head and y_cls to nn.BCEWithLogitsLoss, whose target must be float; the segmentation head goes to nn.NLLLoss2d; the epoch list keeps loss.data[0]."""
# Source: Lextal/pspnet-pytorch at 4eb6ab61 (read as is), train.py; re-typed, identifiers renamed; the backend
# table shortened. The script leaves its loader undefined (train_loader = None, then iterates `loader`), as in the
# source; loss.data[0] (an IndexError on 0-dim tensors since PyTorch 0.5) kept.
import os
import logging

import click
import numpy as np
import torch
from torch import nn
from torch import optim
from torch.autograd import Variable
from torch.optim.lr_scheduler import MultiStepLR
from tqdm import tqdm

from pspnet import PSPNet

models = {
    "resnet18": lambda: PSPNet(sizes=(1, 2, 3, 6), psp_size=512, deep_features_size=256, backend="resnet18"),
    "resnet34": lambda: PSPNet(sizes=(1, 2, 3, 6), psp_size=512, deep_features_size=256, backend="resnet34"),
    "resnet50": lambda: PSPNet(sizes=(1, 2, 3, 6), psp_size=2048, deep_features_size=1024, backend="resnet50"),
}


def build_network(snapshot, backend):
    epoch = 0
    net = models[backend.lower()]()
    net = nn.DataParallel(net)
    if snapshot is not None:
        _, epoch = os.path.basename(snapshot).split("_")
        epoch = int(epoch)
        net.load_state_dict(torch.load(snapshot))
        logging.info("Snapshot for epoch {} loaded from {}".format(epoch, snapshot))
    return net.cuda(), epoch


@click.command()
@click.option("--data-path", type=str)
@click.option("--models-path", type=str)
@click.option("--backend", type=str, default="resnet34")
@click.option("--snapshot", type=str, default=None)
@click.option("--batch-size", type=int, default=16)
@click.option("--alpha", type=float, default=1.0, help="Coefficient for classification loss term")
@click.option("--epochs", type=int, default=20)
@click.option("--start-lr", type=float, default=0.001)
@click.option("--milestones", type=str, default="10,20,30")
def train(data_path, models_path, backend, snapshot, batch_size, alpha, epochs, start_lr, milestones):
    net, starting_epoch = build_network(snapshot, backend)
    models_path = os.path.abspath(os.path.expanduser(models_path))
    os.makedirs(models_path, exist_ok=True)

    """
    The DataLoader must yield (x, y, y_cls):
        x - Bx3xHxW FloatTensor, batch of input images
        y - BxHxW LongTensor, ground-truth segmentation maps
        y_cls - BxN LongTensor: y_cls[i, T] = 1 if class T is present in image i, 0 otherwise
    """
    train_loader, class_weights, n_images = None, None, None

    optimizer = optim.Adam(net.parameters(), lr=start_lr)
    scheduler = MultiStepLR(optimizer, milestones=[int(m) for m in milestones.split(",")])

    for epoch in range(starting_epoch, starting_epoch + epochs):
        seg_criterion = nn.NLLLoss2d(weight=class_weights)
        cls_criterion = nn.BCEWithLogitsLoss(weight=class_weights)
        epoch_losses = []
        it = tqdm(loader, total=max_steps // batch_size + 1)
        net.train()
        for x, y, y_cls in it:
            steps += batch_size
            optimizer.zero_grad()
            x, y, y_cls = Variable(x).cuda(), Variable(y).cuda(), Variable(y_cls).cuda()
            out, out_cls = net(x)
            seg_loss, cls_loss = seg_criterion(out, y), cls_criterion(out_cls, y_cls)  # expect: LG004
            loss = seg_loss + alpha * cls_loss
            epoch_losses.append(loss.data[0])
            it.set_description("[{0}] loss = {1:0.5f} avg = {2:0.5f}".format(epoch + 1, loss.data[0], np.mean(epoch_losses)))
            loss.backward()
            optimizer.step()
        scheduler.step()
        torch.save(net.state_dict(), os.path.join(models_path, "_".join(["PSPNet", str(epoch + 1)])))


if __name__ == "__main__":
    train()
