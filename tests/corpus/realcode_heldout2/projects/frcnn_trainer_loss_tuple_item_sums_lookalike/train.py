"""part of look-alike project [LG006]: fit_one_epoch adds .item() of each of the five losses returned by train_step to epoch totals."""
# Source: https://github.com/bubbliiiing/faster-rcnn-pytorch train.py at 202d5406d9932c48c43e309fba923a7325df0b28
# (the fix of issue #35, "memory leak: += loss without .item()"); re-typed, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.optim as optim
from torch.autograd import Variable
from tqdm import tqdm

from nets.frcnn import FasterRCNN
from trainer import DetTrainer


def get_lr(optimizer):
    for param_group in optimizer.param_groups:
        return param_group["lr"]


def fit_one_epoch(net, epoch, epoch_size, gen, n_epochs):
    total_loss = 0
    rpn_loc_loss = 0
    rpn_cls_loss = 0
    roi_loc_loss = 0
    roi_cls_loss = 0
    with tqdm(total=epoch_size, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_size:
                break
            imgs, boxes, labels = batch[0], batch[1], batch[2]
            with torch.no_grad():
                imgs = Variable(torch.from_numpy(imgs).type(torch.FloatTensor))
                boxes = [Variable(torch.from_numpy(box).type(torch.FloatTensor)) for box in boxes]
                labels = [Variable(torch.from_numpy(label).type(torch.FloatTensor)) for label in labels]
            losses = train_util.train_step(imgs, boxes, labels, 1)
            rpn_loc, rpn_cls, roi_loc, roi_cls, total = losses
            total_loss += total.item()
            rpn_loc_loss += rpn_loc.item()
            rpn_cls_loss += rpn_cls.item()
            roi_loc_loss += roi_loc.item()
            roi_cls_loss += roi_cls.item()
            pbar.set_postfix(**{"total": total_loss / (iteration + 1), "lr": get_lr(optimizer)})
            pbar.update(1)


if __name__ == "__main__":
    model = FasterRCNN(21, backbone="resnet50")
    net = model.train()
    optimizer = optim.Adam(net.parameters(), 1e-4, weight_decay=5e-4)
    lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.95)
    train_util = DetTrainer(model, optimizer)
    for epoch in range(25):
        fit_one_epoch(net, epoch, 500, gen, 25)
        lr_scheduler.step()
