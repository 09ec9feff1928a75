"""look-alike [LG002, LG016, LG005, LG006]: a study repository's GAN script: the labels are ones_like/zeros_like of the discriminator's flattened sigmoid outputs, the losses come from helper functions in utils.py, and the per-epoch sums take .item()."""
# Source: HiHaker/learn-DL at 3ea00170 (read as is), implement/GAN/train.py; re-typed, identifiers renamed; the
# Chinese comments, the commented SGD and scheduler lines and the test loader cut.
import pickle

import torch
import torch.nn as nn
import torch.optim as optim
from torchvision import datasets
import torchvision.transforms as transforms
from DCGAN.model import Generator, Discriminator
from utils import d_loss, g_loss

model_dir = './DCGAN/'
batch_size = 64
torch.cuda.set_device(3)
device = torch.device("cuda:3" if torch.cuda.is_available() else "cpu")
train_data = datasets.MNIST(root='./dataset/MNIST', train=True, download=True, transform=transforms.ToTensor())
train_loader = torch.utils.data.DataLoader(train_data, batch_size=batch_size, num_workers=4, shuffle=True)

z_dim = 100
G = Generator(z_dim)
G.to(device)
D = Discriminator()
D.to(device)
criterion = nn.BCELoss()
lr = 0.0002
opt_G = optim.Adam(G.parameters(), lr=lr)
opt_D = optim.Adam(D.parameters(), lr=lr)

hist_D, hist_G = [], []
for ep in range(50):
    sum_D = 0
    sum_G = 0
    for step, data in enumerate(train_loader, start=1):
        opt_G.zero_grad()
        opt_D.zero_grad()
        noise = torch.normal(0, 1, (batch_size, z_dim)).to(device)
        fakes = G(noise)
        reals, _ = data
        real_out = D(reals.to(device))
        real_lbl = torch.ones_like(real_out)
        fake_out = D(fakes.detach())
        fake_lbl = torch.zeros_like(fake_out)
        loss_D = d_loss(real_out, real_lbl.to(device), fake_out, fake_lbl.to(device))
        loss_D.backward()
        opt_D.step()

        fake_out = D(fakes)
        real_lbl = torch.ones_like(fake_out)
        loss_G = g_loss(fake_out, real_lbl)
        loss_G.backward()
        opt_G.step()

        sum_D += loss_D.item()
        sum_G += loss_G.item()
    sum_D /= step
    sum_G /= step
    hist_D.append(sum_D)
    hist_G.append(sum_G)
    print('epoch: %d--lossD: %.3f, lossG: %.3f.' % (ep + 1, sum_D, sum_G))
    torch.save(G.state_dict(), model_dir + 'model/' + 'G{}.pth'.format(ep + 1))
with open(model_dir + 'data/' + 'lossD.txt', 'wb') as f:
    pickle.dump(hist_D, f)
