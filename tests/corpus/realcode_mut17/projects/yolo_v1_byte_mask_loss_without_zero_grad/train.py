"""part of positive project [LG014]: the training script steps SGD on param groups every batch and never clears the gradients."""

# Source: abeardear/pytorch-YOLO-v1@823c45185a train.py (re-typed; the backbone a stand-in, pretrained weights, validation and logging cut)
# Mutation: optimizer.zero_grad() removed before loss.backward()
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from yolo_loss import YoloLoss

net = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.AdaptiveAvgPool2d(7), nn.Conv2d(64, 30, 1))
criterion = YoloLoss(7, 2, 5, 0.5)
params = []
for key, value in dict(net.named_parameters()).items():
    params += [{"params": [value], "lr": 0.001}]
optimizer = torch.optim.SGD(params, lr=0.001, momentum=0.9, weight_decay=5e-4)
train_loader = DataLoader(train_dataset, batch_size=24, shuffle=True)
for epoch in range(50):
    net.train()
    total_loss = 0.0
    for i, (images, target) in enumerate(train_loader):
        pred = net(images).permute(0, 2, 3, 1)
        loss = criterion(pred, target)
        total_loss += loss.item()
        loss.backward()
        optimizer.step()  # expect: LG014
