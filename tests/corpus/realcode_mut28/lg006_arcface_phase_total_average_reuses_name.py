"""positive [LG006]: an ArcFace training loop with train and val phases adds the loss itself into the phase's total, and at the phase's last batch rebinds the loss's name to the average; each iteration computes the loss afresh before its backward, so the total keeps every step's graph."""

# Source: rjhosler/arcface-pytorch@e1e4d94cf1 models/train_aaml.py (train); re-typed, identifiers renamed; the data
# splits, the adversarial-training and ALP modes, the feature-norm term and the checkpointing cut
# Mutation: `total_loss += loss` (was `loss.item()`)
import time

import torch
from torch.nn import CrossEntropyLoss
from torch.optim import SGD, lr_scheduler

from models.metrics import AngularMargin
from models.resnet_cifar import resnet18


def train(opt, loaders, device):
    model = resnet18(pretrained=False)
    model.fc = AngularMargin(model.fc.in_features, opt.classes, device, s=opt.s, m=opt.m)
    model.to(device)
    criterion = CrossEntropyLoss()
    optimizer = SGD([{"params": model.parameters()}], lr=opt.lr, weight_decay=opt.wd, momentum=0.9)
    scheduler = lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.1, patience=10)
    for epoch in range(opt.epoch):
        for phase in ["train", "val"]:
            seen, correct, total_loss = 0, 0, 0
            model.train() if phase == "train" else model.eval()
            start = time.time()
            for ii, (images, labels) in enumerate(loaders[phase]):
                images, labels = images.to(device), labels.to(device).long()
                if opt.mode == "plain":
                    features, predictions = model(images, labels)
                    loss = criterion(predictions, labels)
                    optimizer.zero_grad()
                else:
                    features, predictions = model(images, labels)
                    norm = features.mm(features.t()).diag()
                    loss = criterion(predictions, labels) + opt.lam * torch.sum(norm) / features.size(0)
                    optimizer.zero_grad()
                if phase == "train":
                    loss.backward()
                    optimizer.step()
                predictions = torch.argmax(predictions, 1)
                seen += predictions.size(0)
                correct += predictions.eq(labels).sum().item()
                total_loss += loss  # expect: LG006
                if ii == len(loaders[phase]) - 1:
                    loss = total_loss / len(loaders[phase])
                    print(phase, epoch, loss, correct / seen, time.time() - start)
                    if phase == "train":
                        scheduler.step(loss)
