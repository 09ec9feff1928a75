"""positive [LG006]: a personal exercise fits a sine wave with a hand-written mean squared error and adds every batch's loss tensor to sum_loss = torch.zeros(1); the sum, printed once per epoch, keeps a reference to each batch's graph for the whole epoch."""
# Source: MurphyPone/PyTorch-basics at 5823f5e2 (read as is), exercises/linear/main.py; re-typed, identifiers
# renamed; the commented debugging prints cut.
import torch
from torch.utils.data import TensorDataset, DataLoader
import torch.nn as nn
import torch.optim as optim
import math
import matplotlib.pyplot as plt
import numpy as np

torch.cuda.set_device(0)
torch.set_default_tensor_type('torch.cuda.FloatTensor')

N = 1000
xs = torch.linspace(0, 2 * math.pi, N)
ys = torch.sin(xs)
plt.plot(np.array(xs.cpu()), np.array(ys.cpu()))
plt.savefig("./images/sinwave.png")

data = TensorDataset(xs, ys)
loader = DataLoader(data, batch_size=32, shuffle=True)


class Regressor(nn.Module):
    def __init__(self, hidden=32):
        super().__init__()
        self.net = nn.Sequential(
            nn.BatchNorm1d(1),
            nn.Linear(in_features=1, out_features=hidden),
            nn.ReLU(),
            nn.BatchNorm1d(hidden),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.BatchNorm1d(hidden),
            nn.Linear(hidden, 1)
        )

    def forward(self, x):
        return self.net(x)


model = Regressor()
model.cuda()
opt = optim.Adam(model.parameters(), lr=5e-4)


def show(i):
    with torch.no_grad():
        pred = model(xs.unsqueeze(1)).squeeze(1).cpu()
        plt.clf()
        plt.plot(np.array(xs.cpu()), np.array(pred), np.array(xs.cpu()), np.array(ys.cpu()))
        plt.savefig("./images/img_" + str(i) + ".png")


epochs = 20
for ep in range(epochs):
    sum_loss = torch.zeros(1)
    show(ep)
    for xb, yb in loader:
        pred = model(xb.unsqueeze(1))
        loss = ((pred - yb.unsqueeze(1)) ** 2).mean()
        sum_loss += loss  # expect: LG006
        loss.backward()
        opt.step()
        opt.zero_grad()
    print(sum_loss)
