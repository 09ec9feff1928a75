"""look-alike: the same two-phase ArcFace loop adding the loss as a number into the phase's total (the repository's code): the total holds no graph."""

# Source: rjhosler/arcface-pytorch@e1e4d94cf1 models/train_aaml.py (train); re-typed, identifiers renamed; the data
# splits, the adversarial-training and ALP modes, the feature-norm term and the checkpointing cut
# Mutation: none (`total_loss += loss.item()`, the repository's code)
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
                total_loss += loss.item()
                if ii == len(loaders[phase]) - 1:
                    loss = total_loss / len(loaders[phase])
                    print(phase, epoch, loss, correct / seen, time.time() - start)
                    if phase == "train":
                        scheduler.step(loss)
