"""positive [LG016]: U-Net training applies F.sigmoid to the mask logits, flattens with .view(-1) and feeds nn.BCELoss built a few lines earlier."""
# Source: https://github.com/milesial/Pytorch-UNet train.py at the parent of
# e3f8ca7b1ac7c5e9694637a81be260e9b48973b9 ("Move the sigmoid activation to the model itself"); re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim


def train_net(net, train_batches, epochs=5, lr=0.1, gpu=False):
    optimizer = optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=0.0005)
    criterion = nn.BCELoss()
    for epoch in range(epochs):
        net.train()
        epoch_loss = 0
        for i, b in enumerate(train_batches):
            imgs = np.array([i[0] for i in b]).astype(np.float32)
            true_masks = np.array([i[1] for i in b])
            imgs = torch.from_numpy(imgs)
            true_masks = torch.from_numpy(true_masks)
            if gpu:
                imgs = imgs.cuda()
                true_masks = true_masks.cuda()
            masks_pred = net(imgs)
            masks_probs = F.sigmoid(masks_pred)
            masks_probs_flat = masks_probs.view(-1)
            true_masks_flat = true_masks.view(-1)
            loss = criterion(masks_probs_flat, true_masks_flat)  # expect: LG016
            epoch_loss += loss.item()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
