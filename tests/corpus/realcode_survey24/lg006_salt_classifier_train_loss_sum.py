"""positive [LG006]: the salt-presence classifier's epoch adds every batch's loss tensor to `train_loss` after its backward, keeping each step's graph until the epoch ends."""

# Source: liaopeiyuan/ml-arsenal-public@fbad753 projects/TGS_salt/binary_classifier/classifier/train.py (re-typed, renamed, cut to the training loop)
import torch
import torch.nn as nn


def train(net, loader, epochs, lr):
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
    for epoch in range(epochs):
        net.train()
        train_loss = 0.0
        for images, target in loader:
            logits = net(images).squeeze()
            loss = criterion(logits, target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            train_loss += loss  # expect: LG006
        print(epoch, train_loss / len(loader))
