"""positive [LG008]: a knowledge-distillation notebook gives nn.KLDivLoss(reduction='batchmean') the student's log_softmax as input and the teacher's log_softmax as the target, without log_target=True, so the target is read as probabilities."""
# Source: vishal-burman/PyTorch-Architectures at 07bf6f8b, misc/Knowledge_Distillation.ipynb (the code cells, read as
# is); re-typed, identifiers renamed; the MNIST loading, the convolution stacks' layer sizes and the comparison run of a
# student trained from scratch shortened.
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
train_set = datasets.MNIST(root='data', train=True, transform=transforms.ToTensor(), download=True)
test_set = datasets.MNIST(root='data', train=False, transform=transforms.ToTensor())
train_loader = DataLoader(dataset=train_set, batch_size=128, shuffle=True)
test_loader = DataLoader(dataset=test_set, batch_size=128, shuffle=False)


class BigNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv_1 = nn.Conv2d(1, 32, kernel_size=3, padding=1)
        self.pool_1 = nn.MaxPool2d(2)
        self.conv_2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.pool_2 = nn.MaxPool2d(2)
        self.lin_1 = nn.Linear(64 * 7 * 7, num_classes)

    def forward(self, x):
        x = self.pool_1(F.leaky_relu(self.conv_1(x)))
        x = self.pool_2(F.leaky_relu(self.conv_2(x)))
        x = x.view(x.size(0), -1)
        return self.lin_1(x)


class SmallNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv_1 = nn.Conv2d(1, 8, kernel_size=3, padding=1)
        self.pool_1 = nn.MaxPool2d(2)
        self.conv_2 = nn.Conv2d(8, 8, kernel_size=3, padding=1)
        self.lin_1 = nn.Linear(8 * 14 * 14, num_classes)

    def forward(self, x):
        x = self.conv_1(x)
        x = F.leaky_relu(x)
        x = self.pool_1(x)
        x = self.conv_2(x)
        x = x.view(x.size(0), -1)
        x = self.lin_1(x)
        return x


big = BigNet(num_classes=10).to(device)
small = SmallNet(num_classes=10).to(device)


def average_loss(model, loader, loss_fn, device):
    tot = 0.
    model.eval()
    for feats, targets in loader:
        feats = feats.to(device)
        targets = targets.to(device)
        logits = model(feats)
        loss = loss_fn(logits, targets)
        tot += loss.item()
    return tot / len(loader)


def accuracy(model, loader, device):
    model.eval()
    correct, n = 0, 0
    with torch.no_grad():
        for feats, targets in loader:
            feats = feats.to(device)
            targets = targets.to(device)
            probas = F.softmax(model(feats), dim=1)
            _, pred = torch.max(probas, 1)
            n += targets.size(0)
            correct += (pred == targets).sum()
        return correct.float() / n * 100


# teacher
opt_big = torch.optim.Adam(big.parameters(), lr=0.0001)
ce_big = nn.CrossEntropyLoss()
for epoch in range(4):
    big.train()
    for batch_idx, (feats, targets) in enumerate(train_loader):
        feats = feats.to(device)
        targets = targets.to(device)
        opt_big.zero_grad()
        logits = big(feats)
        loss = ce_big(logits, targets)
        loss.backward()
        opt_big.step()
    big.eval()
    with torch.set_grad_enabled(False):
        print(epoch, average_loss(big, test_loader, ce_big, device), accuracy(big, test_loader, device))

# distillation
opt_small = torch.optim.Adam(small.parameters(), lr=0.001)
ce_small = nn.CrossEntropyLoss()
kd = nn.KLDivLoss(reduction='batchmean')
alpha = 0.1
temperature = 10
big.eval()
for p in big.parameters():
    p.requires_grad = False
start = time.time()
for epoch in range(3):
    small.train()
    for batch_idx, (feats, targets) in enumerate(train_loader):
        feats = feats.to(device)
        targets = targets.to(device)
        big_logits = big(feats)
        opt_small.zero_grad()
        small_logits = small(feats)
        hard = ce_small(small_logits, targets)
        soft = kd(F.log_softmax(input=(small_logits / temperature), dim=1), F.log_softmax(input=(big_logits / temperature), dim=1))  # expect: LG008
        loss = alpha * hard + (1 - alpha) * soft
        if batch_idx % 200 == 0:
            print("Batch: %03d/%03d" % (batch_idx, len(train_loader)))
        loss.backward()
        opt_small.step()
    small.eval()
    with torch.set_grad_enabled(False):
        print(epoch, average_loss(small, test_loader, ce_small, device), accuracy(small, test_loader, device))
print("Total Training Time: ", time.time() - start)
