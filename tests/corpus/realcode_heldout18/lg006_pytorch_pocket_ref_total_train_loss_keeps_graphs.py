"""positive [LG006]: the pocket reference's "add a running total" training loop adds the un-detached training loss to total_train_loss for every batch of the epoch (the validation total, summed under torch.no_grad(), holds no graph)."""
# Source: joe-papa/pytorch-book at 649f821b (read as is), 05_Customizing_PyTorch.ipynb; the code cells concerned
# (28 to 30), re-typed, identifiers renamed; the custom layer, activation and optimizer cells before them cut.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

# ---- cell 28
n_epochs = 1
net = nn.Linear(10, 10)
pairs = [(torch.rand(10), torch.rand(10))] * 20
train_dl = DataLoader(pairs)
val_dl = DataLoader(pairs)
test_dl = DataLoader(pairs)
criterion = nn.MSELoss()
opt = optim.SGD(net.parameters(), lr=0.001)

# ---- cell 29
for epoch in range(n_epochs):
    for batch in train_dl:
        x, target = batch
        opt.zero_grad()
        out = net(x)
        tr_loss = criterion(out, target)
        tr_loss.backward()
        opt.step()
    with torch.no_grad():
        for x, target in val_dl:
            out = net(x)
            va_loss = criterion(out, target)

with torch.no_grad():
    for x, target in test_dl:
        out = net(x)
        te_loss = criterion(out, target)

# ---- cell 30
for epoch in range(n_epochs):
    total_train_loss = 0.0
    total_val_loss = 0.0

    if epoch == epoch // 2:
        opt = optim.SGD(net.parameters(), lr=0.001)
    net.train()
    for batch in train_dl:
        x, target = batch
        opt.zero_grad()
        out = net(x)
        tr_loss = criterion(out, target)
        tr_loss.backward()
        opt.step()
        total_train_loss += tr_loss  # expect: LG006

    net.eval()
    with torch.no_grad():
        for x, target in val_dl:
            out = net(x)
            va_loss = criterion(out, target)
            total_val_loss += va_loss

    print("""Epoch: {}
          Train Loss: {}
          Val Loss {}""".format(epoch, total_train_loss, total_val_loss))

net.eval()
with torch.no_grad():
    for x, target in test_dl:
        out = net(x)
        te_loss = criterion(out, target)
