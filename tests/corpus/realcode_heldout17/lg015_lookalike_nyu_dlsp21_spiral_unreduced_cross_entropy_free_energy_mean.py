"""look-alike [LG015, LG001, LG013]: the course notebook builds CrossEntropyLoss(reduction='none') to plot per-point free energies, takes .mean() of the per-sample vector before backward() in the full-batch loop, and reuses the unreduced criterion under no_grad for energy plots; targets are torch.long class indices, the model a Linear stack."""
# Source: Atcold/NYU-DLSP21 at 1c516bf8 (read as is), 04-spiral_classification.ipynb; the code cells concerned,
# re-typed, identifiers renamed; the plotting helpers (res.plot_lib), the 3-D plots, the `%matplotlib` magics and the progress line's accuracy cut.
from math import pi

import torch
from torch import nn, optim

from res.plot_lib import plot_2d_energy_levels, plot_model, set_default

# ---- cell 3
set_default()
# ---- cell 4
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
# ---- cell 6
torch.manual_seed(12345)
N = 1000
n_in = 2
K = 5
hidden = 100
# ---- cell 7
t = torch.linspace(0, 1, N)
amp = 0.8 * t + 0.2
pts = list()
labels = list()
for k in range(K):
    theta = (2 * t + k) * 2 * pi / K + 0.2 * torch.randn(N)
    pts.append(torch.stack((amp * theta.sin(), amp * theta.cos()), dim=1))
    labels.append(torch.zeros(N, dtype=torch.long).fill_(k))
pts = torch.cat(pts)
labels = torch.cat(labels)
# ---- cell 10
lr = 1e-3
l2 = 1e-5
# ---- cell 11
net = nn.Sequential(
    nn.Linear(n_in, hidden),
    nn.Linear(hidden, K),
)
net.to(device)

energy = torch.nn.CrossEntropyLoss(reduction='none')
opt = optim.Adam(net.parameters(), lr=lr, weight_decay=l2)

for it in range(2_000):
    s = net(pts)
    F = energy(s, labels)
    L = F.mean()
    opt.zero_grad()
    L.backward()
    opt.step()
    print(f'[EPOCH]: {it}, [LOSS]: {L.item():.6f}')
# ---- cell 12
plot_model(pts, labels, net)
# ---- cell 14
mesh = torch.arange(-1.5, 1.5, 0.01)
xx, yy = torch.meshgrid(mesh, mesh)
grid = torch.stack((xx.reshape(-1), yy.reshape(-1)), dim=1)
with torch.no_grad():
    s = net(grid)
# ---- cell 15
fe = 'cross-entropy'
# ---- cell 18
for k in range(K):
    if fe == 'cross-entropy':
        F = energy(s, torch.LongTensor(1).fill_(k).expand(s.size(0)))
        F = F.reshape(xx.shape)
        plot_2d_energy_levels(pts, labels, (xx, yy, F, k, K), (0, 35), (1, 35, 4))
