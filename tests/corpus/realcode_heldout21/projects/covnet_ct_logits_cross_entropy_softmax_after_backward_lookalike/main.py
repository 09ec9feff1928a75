"""part of look-alike project [LG001, LG006, LG011]: train_model and evaluate_model score the raw case scores with a local torch.nn.CrossEntropyLoss (named metric) and long labels; loss.item() goes to the loss list; F.softmax(prediction, dim=1) is taken after backward only for the probability metrics (detached to NumPy); evaluation runs under the caller's torch.no_grad."""
# Source: bkong999/COVNet at 932c1cf7 (read as is; issue #28 asks why F.softmax comes after loss.backward()), main.py;
# re-typed, identifiers renamed (np.float written np.float64); the argument parser, checkpointing and early-stopping
# bookkeeping shortened.
# dataset.py and utils.py (metric helpers) are not included.
import os
import time

import numpy as np
import torch
import torch.optim as optim
import torch.nn as nn
import torch.nn.functional as F
from tensorboardX import SummaryWriter

import dataset
import model
import utils


def get_lr(optimizer):
    for group in optimizer.param_groups:
        return group["lr"]


def train_model(net, loader, epoch, num_epochs, optimizer, writer, current_lr, log_every=100):
    n_classes = net.n_classes
    metric = torch.nn.CrossEntropyLoss()

    y_probs = np.zeros((0, n_classes), np.float64)
    losses, y_trues = [], []
    net.train()
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.train()
            m.weight.requires_grad = False
            m.bias.requires_grad = False

    for i, (image, label, case_id) in enumerate(loader):
        optimizer.zero_grad()
        if torch.cuda.is_available():
            image = image.cuda()
            label = label.cuda()

        prediction = net.forward(image.float())
        loss = metric(prediction, label.long())
        loss.backward()
        optimizer.step()

        loss_value = loss.item()
        losses.append(loss_value)
        y_prob = F.softmax(prediction, dim=1)
        y_probs = np.concatenate([y_probs, y_prob.detach().cpu().numpy()])
        y_trues.append(label.item())

        stats = utils.calc_multi_cls_measures(y_probs, y_trues)
        writer.add_scalar("Train/Loss", loss_value, epoch * len(loader) + i)
        if (i % log_every == 0) & (i > 0):
            utils.print_progress(epoch + 1, num_epochs, i, len(loader), np.mean(losses), current_lr, stats)

    return np.round(np.mean(losses), 4), stats


def evaluate_model(net, loader, epoch, num_epochs, writer, current_lr, log_every=20):
    n_classes = net.n_classes
    metric = torch.nn.CrossEntropyLoss()
    net.eval()
    y_probs = np.zeros((0, n_classes), np.float64)
    losses, y_trues = [], []
    for i, (image, label, case_id) in enumerate(loader):
        if torch.cuda.is_available():
            image = image.cuda()
            label = label.cuda()
        prediction = net.forward(image.float())
        loss = metric(prediction, label.long())
        loss_value = loss.item()
        losses.append(loss_value)
        y_prob = F.softmax(prediction, dim=1)
        y_probs = np.concatenate([y_probs, y_prob.detach().cpu().numpy()])
        y_trues.append(label.item())
        stats = utils.calc_multi_cls_measures(y_probs, y_trues)
        writer.add_scalar("Val/Loss", loss_value, epoch * len(loader) + i)
    return np.round(np.mean(losses), 4), stats


def main(args):
    writer = SummaryWriter(os.path.join("experiments", "logs"))
    train_set = dataset.NCovDataset("data/", stage="train")
    weights = torch.DoubleTensor(train_set.make_weights_for_balanced_classes())
    sampler = torch.utils.data.sampler.WeightedRandomSampler(weights, len(train_set.case_ids))
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=1, num_workers=20, drop_last=False, sampler=sampler)
    val_set = dataset.NCovDataset("data/", stage="val")
    val_loader = torch.utils.data.DataLoader(val_set, batch_size=1, shuffle=False, num_workers=11, drop_last=False)

    net = model.COVNet(n_classes=args.n_classes)
    if torch.cuda.is_available():
        net = net.cuda()
    optimizer = optim.Adam(net.parameters(), lr=args.lr, weight_decay=0.1)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3, factor=0.3, threshold=1e-4, verbose=True)

    best_val_loss = float("inf")
    for epoch in range(args.epochs):
        lr = get_lr(optimizer)
        t0 = time.time()
        train_loss, train_stats = train_model(net, train_loader, epoch, args.epochs, optimizer, writer, lr, args.log_every)
        with torch.no_grad():
            val_loss, val_stats = evaluate_model(net, val_loader, epoch, args.epochs, writer, lr, args.log_every)
        scheduler.step(val_loss)
        if val_loss < best_val_loss:
            best_val_loss = val_loss
            torch.save(net.state_dict(), os.path.join("experiments", "models", "best.pth"))
        print("epoch {} took {:.1f}s".format(epoch + 1, time.time() - t0))
