"""part of positive project [LG006]: the epoch loop starts ep_loss = torch.tensor([0.]) and adds the graph-holding loss returned by model.forward after every training step (ep_loss += loss), reading .item() only after the epoch; the test loop's sum runs under torch.no_grad."""
# Source: adrienchaton/PerceptualAudio_Pytorch at 6f2180f9 (read as is; issue #1 discusses the CE call in JNDnet.forward), train.py;
# re-typed, identifiers renamed; the argument list shortened to the settings used, the random shift and gain
# augmentations and plotting cut. utils.py (import_data, eval_scores, plots) is not included.
import argparse
import os
import timeit

import numpy as np
import torch

from models import JNDnet
from utils import print_time, import_data, eval_scores

parser = argparse.ArgumentParser()
parser.add_argument("--GPU_id", type=int, default=0)
parser.add_argument("--epochs", type=int, default=2000)
parser.add_argument("--bs", type=int, default=16)
parser.add_argument("--lr", type=float, default=0.0001)
parser.add_argument("--dist_act", type=str, default="no")
parser.add_argument("--classif_act", type=str, default="no")
parser.add_argument("--Lsize", type=int, default=40000)
args = parser.parse_args()

device = torch.device("cuda:{}".format(args.GPU_id) if torch.cuda.is_available() else "cpu")
epochs = args.epochs

train_loader, test_loader, train_refloader, test_refloader = import_data("./dataset/", ["dataset_combined"], args.Lsize, args.bs, train_ratio=0.8, rgains=False)

model = JNDnet(dist_act=args.dist_act, classif_act=args.classif_act, dev=device)
model.to(device)
model.train()
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 200, gamma=0.5)

loss_log = np.zeros((epochs, 2))
itr = 0
t0 = timeit.default_timer()

for epoch in range(epochs):
    model.train()
    n_mb = 0
    ep_loss = torch.tensor([0.0]).to(device, non_blocking=True)

    for _, minibatch in enumerate(train_loader):
        xref = minibatch[0].to(device, non_blocking=True)
        xper = minibatch[1].to(device, non_blocking=True)
        labels = minibatch[2].to(device, non_blocking=True)
        loss, dist, class_pred, class_prob = model.forward(xref, xper, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        ep_loss += loss  # expect: LG006
        n_mb += 1
        itr += 1

    loss_log[epoch, 0] = ep_loss.item() / n_mb

    model.eval()
    n_mb = 0
    ep_loss = torch.tensor([0.0]).to(device, non_blocking=True)
    with torch.no_grad():
        for _, minibatch in enumerate(test_loader):
            xref = minibatch[0].to(device, non_blocking=True)
            xper = minibatch[1].to(device, non_blocking=True)
            labels = minibatch[2].to(device, non_blocking=True)
            loss, dist, class_pred, class_prob = model.forward(xref, xper, labels)
            ep_loss += loss
            n_mb += 1
    loss_log[epoch, 1] = ep_loss.item() / n_mb

    if (epoch + 1) % 3 == 0:
        print("averaged training loss", loss_log[epoch, 0])
        print("averaged test loss", loss_log[epoch, 1])
        train_acc, test_acc, train_loss, test_loss = eval_scores(model, train_refloader, test_refloader, device, report=False)
        print_time(timeit.default_timer() - t0)
    scheduler.step()
