"""positive [LG003]: a U-Net notebook's combined loss applies the sigmoid first and hands the probabilities to F.binary_cross_entropy_with_logits as well as to the Dice loss."""
# Source: usuyama/pytorch-unet@a0ec1374e0 pytorch_resnet18_unet.ipynb and loss.py (calc_loss, dice_loss, train_model, re-typed; the ResNet encoder a stand-in, the scheduler and metrics printing cut)
# Mutation: pred = torch.sigmoid(pred) moved above bce = F.binary_cross_entropy_with_logits(pred, target)
import copy
from collections import defaultdict

import torch
import torch.nn as nn
import torch.nn.functional as F


def dice_loss(pred, target, smooth=1.0):
    pred = pred.contiguous()
    target = target.contiguous()
    intersection = (pred * target).sum(dim=2).sum(dim=2)
    loss = 1 - ((2.0 * intersection + smooth) / (pred.sum(dim=2).sum(dim=2) + target.sum(dim=2).sum(dim=2) + smooth))
    return loss.mean()


def calc_loss(pred, target, metrics, bce_weight=0.5):
    pred = torch.sigmoid(pred)
    bce = F.binary_cross_entropy_with_logits(pred, target)  # expect: LG003
    dice = dice_loss(pred, target)
    loss = bce * bce_weight + dice * (1 - bce_weight)
    metrics["bce"] += bce.data.cpu().numpy() * target.size(0)
    metrics["loss"] += loss.data.cpu().numpy() * target.size(0)
    return loss


class UNetStandIn(nn.Module):
    def __init__(self, n_class):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU())
        self.conv_last = nn.Conv2d(64, n_class, 1)

    def forward(self, x):
        return self.conv_last(self.body(x))


def train_model(model, optimizer, dataloaders, device, num_epochs=25):
    best_loss = 1e10
    best_model_wts = copy.deepcopy(model.state_dict())
    for epoch in range(num_epochs):
        for phase in ["train", "val"]:
            model.train() if phase == "train" else model.eval()
            metrics = defaultdict(float)
            epoch_samples = 0
            for inputs, labels in dataloaders[phase]:
                inputs, labels = inputs.to(device), labels.to(device)
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == "train"):
                    outputs = model(inputs)
                    loss = calc_loss(outputs, labels, metrics)
                    if phase == "train":
                        loss.backward()
                        optimizer.step()
                epoch_samples += inputs.size(0)
            epoch_loss = metrics["loss"] / epoch_samples
            if phase == "val" and epoch_loss < best_loss:
                best_loss = epoch_loss
                best_model_wts = copy.deepcopy(model.state_dict())
    model.load_state_dict(best_model_wts)
    return model


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = UNetStandIn(6).to(device)
optimizer_ft = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=1e-4)
model = train_model(model, optimizer_ft, dataloaders, device, num_epochs=60)
