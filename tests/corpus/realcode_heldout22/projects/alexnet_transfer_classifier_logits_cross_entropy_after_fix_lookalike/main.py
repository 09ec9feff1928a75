"""part of look-alike project [LG001, LG006]: transfer_alex loads a pretrained AlexNet from torch.hub, freezes it, replaces model.classifier with a Sequential ending in nn.Linear(2048, 4) (the nn.LogSoftmax line commented out) and trains it through train_test.train with nn.CrossEntropyLoss."""
# Source: kenmaro3/pytorch_practice at a0e30fa6 ("[REF] alex": the LogSoftmax of the replaced classifier commented out), cnn_stanford_dog/main.py;
# re-typed, identifiers renamed; the from-scratch training function, the printouts and the data-loader factory
# (data.py) cut; the Sequential assignment stays inside the freezing loop, as in the source.
import os
import shutil
from os.path import join as osp

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import CosineAnnealingLR, StepLR

from data import dispense_dataloader_special
from train_test import test, train


def transfer_alex(cp_folder):
    if os.path.exists(cp_folder):
        shutil.rmtree(cp_folder)
    os.mkdir(cp_folder)

    train_loader, test_loader = dispense_dataloader_special()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    model = torch.hub.load("pytorch/vision:v0.6.0", "alexnet", pretrained=True)
    for param in model.parameters():
        param.requires_grad = False
        model.classifier = nn.Sequential(
            nn.Linear(9216, 2048),
            nn.ReLU(),
            nn.Dropout(0.4),
            nn.Linear(2048, 4),
            # nn.LogSoftmax(dim=1)
        )

    optimizer = optim.Adam(model.parameters(), lr=0.1)
    criterion = nn.CrossEntropyLoss()
    # criterion = nn.NLLLoss()

    epochs = 200
    log_interval = 10
    scheduler = StepLR(optimizer, step_size=30, gamma=0.1)
    for e in range(epochs):
        train(model, train_loader, optimizer, criterion, device, log_interval, e)
        test(model, test_loader, criterion, device)
        if e % 10 == 0:
            torch.save(model, osp(cp_folder, f"test_model_epoch_{e}.pth"))


if __name__ == "__main__":
    transfer_alex("cp_alex_transfer")
