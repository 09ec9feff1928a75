"""positive [LG010, LG011]: a user's segmentation loss for the BiO-Net trainer calls F.nll_loss(F.log_softmax(predicted), target, size_average=False): log_softmax without dim on (N, C, H, W) scores, and the deprecated size_average."""

# Source: https://github.com/tiangexiang/BiO-Net/issues/10 (the loss.py and utils.py lines the user's traceback shows); the loop from tiangexiang/BiO-Net@9180dc4 pytorch_version/utils.py (cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim import Adam


class SegmentationLoss(nn.Module):
    def forward(self, predicted, target):
        cross_entropy = F.nll_loss(F.log_softmax(predicted), target, size_average=False)  # expect: LG010, LG011
        return cross_entropy


def train(model, loader, epochs, steps, lr):
    criterion = SegmentationLoss()
    optimizer = Adam(params=model.parameters(), lr=lr, weight_decay=0.0)
    for epoch in range(epochs):
        total = 0.0
        model.train()
        for step, (x, y) in enumerate(loader):
            if step >= steps:
                break
            x = x.float()
            y = y.float()
            optimizer.zero_grad()
            output = model(x)
            loss = criterion(output, y.long())
            total += loss.item()
            loss.backward()
            optimizer.step()
        print(epoch, total / steps)
