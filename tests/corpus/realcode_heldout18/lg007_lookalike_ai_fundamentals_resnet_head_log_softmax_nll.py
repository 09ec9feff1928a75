"""look-alike [LG007, LG001]: the book's chest X-ray transfer-learning notebook replaces resnet50's fc with an nn.Sequential ending in nn.LogSoftmax(dim=1) and trains it with nn.NLLLoss through helper functions that receive the criterion as an argument."""
# Source: PacktPublishing/PyTorch-Artificial-Intelligence-Fundamentals at 60819756 (read as is),
# Chapter05/Chapter5 - Transfer Learning.ipynb; the code cells concerned (1 to 5, 8 to 10, 12, 13, 15,
# 16, 18, 19, 21, 23, 24, 27 to 29, 31), re-typed, identifiers renamed; the TensorBoard image-logging helpers, the
# inverse normalisation, the unused test split and the torchsummary cell cut.
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter
from torchvision import datasets, models, transforms


# ---- cell 2
class ConcatPool(nn.Module):
    def __init__(self, sz=None):
        super().__init__()
        sz = sz or (1, 1)
        self.avg = nn.AdaptiveAvgPool2d(sz)
        self.max = nn.AdaptiveMaxPool2d(sz)

    def forward(self, x):
        return torch.cat([self.max(x), self.avg(x)], 1)


# ---- cell 3
def build_net():
    net = models.resnet50(pretrained=True)
    for p in net.parameters():
        p.requires_grad = False
    net.avgpool = ConcatPool()
    net.fc = nn.Sequential(
        nn.Flatten(),
        nn.BatchNorm1d(4096),
        nn.Dropout(0.5),
        nn.Linear(4096, 512),
        nn.ReLU(),
        nn.BatchNorm1d(512),
        nn.Dropout(p=0.5),
        nn.Linear(512, 2),
        nn.LogSoftmax(dim=1)
    )
    return net


# ---- cell 4
def train(net, device, loader, criterion, optimizer, epoch, writer):
    net.train()
    total = 0
    for batch_id, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        out = net(x)
        loss = criterion(out, y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    writer.add_scalar('Train Loss', total / len(loader), epoch)
    writer.flush()
    return total / len(loader)


# ---- cell 5
def test(net, device, loader, criterion, epoch, writer):
    net.eval()
    total, hits = 0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = net(x)
            total += criterion(out, y).item()
            pred = out.data.max(1)[1]
            hits += pred.eq(y.data).cpu().sum()
    total /= len(loader)
    acc = 100. * hits / len(loader.dataset)
    writer.add_scalar('Test Loss', total, epoch)
    writer.add_scalar('Accuracy', acc, epoch)
    writer.flush()
    return total, acc


# ---- cell 8
norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
tfms = {
    'train': transforms.Compose([
        transforms.RandomResizedCrop(size=300, scale=(0.8, 1.1)),
        transforms.RandomRotation(degrees=10),
        transforms.ColorJitter(0.4, 0.4, 0.4),
        transforms.RandomHorizontalFlip(),
        transforms.CenterCrop(size=256),
        transforms.ToTensor(),
        norm,
    ]),
    'val': transforms.Compose([transforms.Resize(size=300), transforms.CenterCrop(size=256), transforms.ToTensor(),
                               norm]),
}
# ---- cell 9
root = '../input/chest-xray-pneumonia/chest_xray/chest_xray/'
# ---- cell 10
weights_path = "model.pth"
# ---- cell 12
sets = {
    'train': datasets.ImageFolder(root=root + 'train/', transform=tfms['train']),
    'val': datasets.ImageFolder(root=root + 'test/', transform=tfms['val']),
}
# ---- cell 13
loaders = {
    'train': DataLoader(sets['train'], batch_size=128, shuffle=True),
    'val': DataLoader(sets['val'], batch_size=128, shuffle=True),
}
# ---- cell 15
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
# ---- cell 16
net = build_net().to(device)
# ---- cell 18
criterion = nn.NLLLoss()
# ---- cell 19
optimizer = optim.Adam(net.parameters())


# ---- cell 21
def new_writer():
    return SummaryWriter('logdir/' + time.strftime("%Y%m%d_%H%M%S"))


writer = new_writer()


# ---- cell 23
def train_epochs(net, device, loaders, criterion, optimizer, epochs, writer):
    best = np.inf
    for epoch in epochs:
        tr_loss = train(net, device, loaders['train'], criterion, optimizer, epoch, writer)
        te_loss, acc = test(net, device, loaders['val'], criterion, epoch, writer)
        if te_loss < best:
            best = te_loss
            torch.save(net.state_dict(), weights_path)
        print('{0:>20} | {1:>20} | {2:>20} | {3:>20.2f}% |'.format(epoch, tr_loss, te_loss, acc))


# ---- cell 24
train_epochs(net, device, loaders, criterion, optimizer, range(0, 10), writer)
# ---- cell 27
for p in net.parameters():
    p.requires_grad = True
# ---- cell 29
optimizer = optim.Adam(net.parameters(), lr=1e-5, weight_decay=0.01)
# ---- cell 31
train_epochs(net, device, loaders, criterion, optimizer, range(9, 15), new_writer())
