"""part of positive project [LG001]: the dog-breed script loads a pretrained AlexNet from torch.hub, freezes it, replaces model.classifier with a Sequential ending in nn.LogSoftmax(dim=1), and trains it through train_test.train with nn.CrossEntropyLoss (nn.NLLLoss is left commented out)."""
# Source: kenmaro3/pytorch_practice at 5adc9bc8 (the parent of a0e30fa6, "[REF] alex", which comments the LogSoftmax out), cnn_stanford_dog/data.py;
# re-typed, identifiers renamed; the image listing, the Dataset class and the visualisation helper cut (ds, ls and
# MyDataManager come from the cut part).
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from sklearn.model_selection import train_test_split
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader, Dataset

from train_test import test, train


def main():
    train_kwargs = dict(batch_size=32, shuffle=True)
    test_kwargs = dict(batch_size=12)

    train_x, test_x, train_y, test_y = train_test_split(ds, ls, test_size=0.2)
    train_loader = DataLoader(MyDataManager(train_x, train_y), **train_kwargs)
    test_loader = DataLoader(MyDataManager(test_x, test_y), **test_kwargs)

    device = torch.device("cpu")
    model = torch.hub.load("pytorch/vision:v0.6.0", "alexnet", pretrained=True)
    for param in model.parameters():
        param.requires_grad = False

    model.classifier = nn.Sequential(
        nn.Linear(9216, 2048),
        nn.ReLU(inplace=True),
        nn.Dropout(0.4),
        nn.Linear(2048, 2),
        nn.LogSoftmax(dim=1),
    )

    optimizer = optim.Adam(model.parameters())
    criterion = nn.CrossEntropyLoss()
    # criterion = nn.NLLLoss()

    epochs = 100
    log_interval = 10
    scheduler = StepLR(optimizer, step_size=1, gamma=0.1)
    for e in range(epochs):
        train(model, train_loader, optimizer, criterion, device, log_interval, e)
        test(model, test_loader, criterion, device)


if __name__ == "__main__":
    main()
