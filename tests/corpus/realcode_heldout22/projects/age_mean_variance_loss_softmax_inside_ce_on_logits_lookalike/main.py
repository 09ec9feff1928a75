"""part of look-alike project [LG001, LG006, LG011]: a ResNet-18 whose fc ends in nn.Linear(512, 70) is trained on the sum of the mean-variance terms and nn.CrossEntropyLoss on the same raw scores; the running sums add loss.data (no graph), evaluation runs under torch.no_grad, and nn.Softmax(dim=1) is applied to the outputs only to read off the expected age."""
# Source: Herosan163/AgeEstimation at 4644ca19 (read at the commit issue #3, "The softmax loss becomes bigger during
# iterates", was answered on), main.py;
# re-typed, identifiers renamed; get_args, get_image_list and the transform pipelines (same file) cut and left undefined;
# the softmax-only training branch, the test and predict functions and the log-file writing cut.
import os

import numpy as np
import torch
import torchvision
from torch import nn, optim
from torch.optim import lr_scheduler
from torch.utils.data import DataLoader
from torchvision.models.resnet import resnet18

from data import FaceDataset
from mean_variance_loss import MeanVarianceLoss

LAMBDA_1 = 0.2
LAMBDA_2 = 0.05
START_AGE = 0
END_AGE = 69


def ResNet18(num_classes):
    net = resnet18(pretrained=True)
    net.fc = nn.Sequential(
        nn.BatchNorm1d(512),
        nn.Dropout(0.5),
        nn.Linear(512, num_classes),
    )
    return net


def train(train_loader, model, crit_mv, crit_ce, optimizer, epoch):
    model.train()
    running_loss = 0.
    running_mean = 0.
    running_var = 0.
    running_ce = 0.
    interval = 1
    for i, sample in enumerate(train_loader):
        images = sample["image"].cuda()
        labels = sample["label"].cuda()
        out = model(images)
        mean_term, var_term = crit_mv(out, labels)
        ce_term = crit_ce(out, labels)
        loss = mean_term + var_term + ce_term
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        running_loss += loss.data
        running_ce += ce_term.data
        running_mean += mean_term.data
        running_var += var_term.data
        if (i + 1) % interval == 0:
            print("[%d, %5d] mean_loss: %.3f, variance_loss: %.3f, softmax_loss: %.3f, loss: %.3f"
                  % (epoch, i, running_mean / interval, running_var / interval,
                     running_ce / interval, running_loss / interval))
            running_loss = 0.
            running_mean = 0.
            running_var = 0.
            running_ce = 0.


def evaluate(val_loader, model, crit_mv, crit_ce):
    model.cuda()
    model.eval()
    loss_val = 0.
    mean_val = 0.
    var_val = 0.
    ce_val = 0.
    mae = 0.
    with torch.no_grad():
        for i, sample in enumerate(val_loader):
            image = sample["image"].cuda()
            label = sample["label"].cuda()
            out = model(image)
            mean_term, var_term = crit_mv(out, label)
            ce_term = crit_ce(out, label)
            loss = mean_term + var_term + ce_term
            loss_val += loss.data
            mean_val += mean_term.data
            var_val += var_term.data
            ce_val += ce_term.data
            sm = nn.Softmax(dim=1)
            probs = sm(out)
            ages = torch.arange(START_AGE, END_AGE + 1, dtype=torch.float32).cuda()
            expected = (probs * ages).sum(1, keepdim=True).cpu().data.numpy()
            mae += np.absolute(np.around(expected) - sample["label"].cpu().data.numpy())
    n = len(val_loader)
    return mean_val / n, var_val / n, ce_val / n, loss_val / n, mae / n


def main():
    args = get_args()
    train_list, val_list, test_list = get_image_list(args.image_directory, args.leave_subject, 0.1)
    train_loader = DataLoader(FaceDataset(train_list, transforms_train), batch_size=args.batch_size,
                              shuffle=True, pin_memory=True, num_workers=8)
    val_loader = DataLoader(FaceDataset(val_list, transforms), batch_size=1, shuffle=False,
                            pin_memory=True, num_workers=8)

    model = ResNet18(END_AGE - START_AGE + 1)
    model.cuda()

    optimizer = optim.Adam(model.parameters(), lr=args.learning_rate)
    crit_mv = MeanVarianceLoss(LAMBDA_1, LAMBDA_2, START_AGE, END_AGE).cuda()
    crit_ce = torch.nn.CrossEntropyLoss().cuda()
    scheduler = lr_scheduler.MultiStepLR(optimizer, milestones=[80], gamma=0.1)

    best_val_mae = np.inf
    for epoch in range(args.epoch):
        scheduler.step(epoch)
        train(train_loader, model, crit_mv, crit_ce, optimizer, epoch)
        mean_l, var_l, ce_l, loss_val, mae = evaluate(val_loader, model, crit_mv, crit_ce)
        print("epoch: %d, mean_loss: %.3f, variance_loss: %.3f, softmax_loss: %.3f, loss: %.3f, mae: %3f"
              % (epoch, mean_l, var_l, ce_l, loss_val, mae))
        if best_val_mae > mae:
            best_val_mae = mae
            torch.save(model.state_dict(), os.path.join(args.result_directory, "model_best_mae"))


if __name__ == "__main__":
    main()
