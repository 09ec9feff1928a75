"""part of look-alike project [LG001, LG006, LG014]: `from models import *`; net = SimpleDLA() wrapped in torch.nn.DataParallel; module-level CrossEntropyLoss; train() clears gradients each step and sums loss.item()."""
# Source: https://github.com/kuangliu/pytorch-cifar main.py at 49b7aa97b0c12fe0d4054e670403a16b6b834ddd; re-typed, names changed,
# reduced. Correct code.
import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim

from models import *

device = "cuda" if torch.cuda.is_available() else "cpu"
net = SimpleDLA()
net = net.to(device)
if device == "cuda":
    net = torch.nn.DataParallel(net)
    cudnn.benchmark = True
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=200)


def train(epoch, trainloader):
    net.train()
    train_loss = 0
    correct = 0
    total = 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
        _, predicted = outputs.max(1)
        total += targets.size(0)
        correct += predicted.eq(targets).sum().item()


for epoch in range(200):
    train(epoch, [])
    scheduler.step()
