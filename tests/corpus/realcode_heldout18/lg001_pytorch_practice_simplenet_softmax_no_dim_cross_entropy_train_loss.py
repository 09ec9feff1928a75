"""positive [LG001, LG011, LG006]: a personal practice script's FashionMNIST CNN ends in nn.Softmax() built without dim, trains its output with nn.CrossEntropyLoss, and adds every batch's un-detached loss to train_loss for the whole epoch."""
# Source: Sam-Armstrong/PyTorch-Practice at f5bca545 (read as is), Simple.py; re-typed, identifiers renamed; the
# timing prints cut (the same Softmax-into-CrossEntropyLoss model and running sum are in ConvNet.py, ConvMixer.py and
# the Circular/ experiments).
import time

import torch
import torch.nn as nn
import torch.optim as optim
import torch.optim.lr_scheduler as lr_s
from torch.utils.data import DataLoader, random_split
from torchvision import datasets
from torchvision.transforms import ToTensor


class TinyConvNet(nn.Module):
    def __init__(self):
        super(TinyConvNet, self).__init__()
        self.c1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        self.c2 = nn.Conv2d(in_channels=3, out_channels=6, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        self.fc1 = nn.Linear(4704, 2000)
        self.fc2 = nn.Linear(2000, 10)
        self.act = nn.ReLU()
        self.norm = nn.Softmax()  # expect: LG011

    def forward(self, x):
        x = self.act(self.c1(x))
        x = self.act(self.c2(x))
        x = x.reshape(x.shape[0], -1)
        x = self.act(self.fc1(x))
        x = self.fc2(x)
        x = self.norm(x)
        return x


start = time.time()
n_epochs = 3
device = torch.device('cpu')

train_set = datasets.FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
test_set = datasets.FashionMNIST(root="data", train=False, download=True, transform=ToTensor())
train_set, val_set = random_split(train_set, [50000, 10000])
train_dl = DataLoader(train_set, batch_size=100, shuffle=True)
val_dl = DataLoader(val_set, batch_size=100, shuffle=True)
test_dl = DataLoader(test_set, batch_size=100, shuffle=True)

net = TinyConvNet().to(device)
criterion = nn.CrossEntropyLoss()
opt = optim.Adam(net.parameters(), lr=0.01, weight_decay=0)
sched = lr_s.ReduceLROnPlateau(opt, 'min', patience=2)

best = 10000
worse = 0
for epoch in range(n_epochs):
    train_loss = 0.0
    for batch_idx, (x, y) in enumerate(train_dl):
        x = x.to(device=device)
        y = y.to(device=device)
        scores = net(x)
        loss = criterion(scores, y)  # expect: LG001
        train_loss += loss  # expect: LG006
        opt.zero_grad()
        loss.backward()
        opt.step()

    val_loss = 0.0
    net.eval()
    for x, y in val_dl:
        if torch.cuda.is_available():
            x, y = x.cuda(), y.cuda()
        out = net(x)
        loss = criterion(out, y)  # expect: LG001
        val_loss = loss.item() * x.size(0)
    sched.step(val_loss)
    print(val_loss)
    if val_loss >= best:
        worse += 1
    else:
        worse = 0
    if worse >= 2:
        print('Reducing learning rate.')
    if worse >= 3:
        print('Stopping early.')
        break
    best = val_loss


def check_accuracy(loader, net):
    hits = 0
    seen = 0
    net.eval()
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device)
            y = y.to(device=device)
            scores = net(x)
            _, guess = scores.max(1)
            hits += (guess == y).sum()
            seen += guess.size(0)
    print((hits * 100 / seen).item(), '%  Correct')


check_accuracy(test_dl, net)
