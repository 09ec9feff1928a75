"""part of positive project [LG010]: the clustering autoencoder's script builds nn.MSELoss(size_average=True) and nn.KLDivLoss(size_average=False), puts them in a list and hands the list to the training function of another module."""
# Source: https://github.com/michaal94/torch_DCEC torch_DCEC.py at 55fe65099ceb491c0318a075c04c73740e2104a1
# (issue #1 "Using torch.log when apply KLDivLoss", closed; the deprecated arguments were never changed); re-typed,
# names changed, reduced (argument parsing, dataset selection, logging files and tensorboard left out).
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler

import nets
import training_functions

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Use DCEC for clustering")
    parser.add_argument("--mode", default="train_full", choices=["train_full", "pretrain"])
    parser.add_argument("--net_architecture", default="CAE_3")
    parser.add_argument("--epochs", default=100, type=int)
    parser.add_argument("--rate", default=0.001, type=float)
    parser.add_argument("--gamma", default=0.1, type=float)
    args = parser.parse_args()

    params = {"pretrain": True, "gamma": args.gamma, "batch": 256}
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    params["device"] = device

    to_eval = "nets." + args.net_architecture + "(img_size, num_clusters=num_clusters)"
    model = eval(to_eval)
    model = model.to(device)

    # reconstruction loss
    rec_criterion = nn.MSELoss(size_average=True)  # expect: LG010
    # clustering loss
    clust_criterion = nn.KLDivLoss(size_average=False)  # expect: LG010
    criteria = [rec_criterion, clust_criterion]

    optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=args.rate, weight_decay=0.0)
    optimizer_pre = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=args.rate, weight_decay=0.0)
    optimizers = [optimizer, optimizer_pre]
    schedulers = [lr_scheduler.StepLR(optimizer, step_size=200, gamma=0.1),
                  lr_scheduler.StepLR(optimizer_pre, step_size=200, gamma=0.1)]

    if args.mode == "train_full":
        model = training_functions.train_model(model, dataloader, criteria, optimizers, schedulers, args.epochs, params)
    elif args.mode == "pretrain":
        model = training_functions.pretraining(model, dataloader, criteria[0], optimizers[1], schedulers[1], args.epochs, params)
    torch.save(model.state_dict(), "dcec.pt")
