"""positive [LG006]: the Korean PyTorch textbook's MNIST GAN has two step helpers that each run backward and step and then return the loss tensor itself (the discriminator's as loss_real + loss_fake); the epoch loop adds both returns into running sums every batch, so every batch's graphs stay alive until the epoch ends (and the per-epoch means appended to the history keep them after it; the plot cell calls .item() on them)."""
# Source: gilbutITbook/080289 at 6ccdc7c0 (read as is), chap13/python_13장.ipynb, code cells 25-36 (section 13.3.2,
# GAN); re-typed, identifiers renamed; the image-saving helper's body and the sample-grid cell cut.
import matplotlib.pylab as plt
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.datasets as datasets
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
from torchvision.utils import make_grid, save_image
from tqdm import tqdm

# ---- cell 25
dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# ---- cell 26
BATCH = 512
EPOCHS = 200
N_SAMPLE = 64
Z_DIM = 128
D_STEPS = 1
# ---- cell 27
tf = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5,), (0.5,)),
])
mnist = datasets.MNIST(root="../chap13/data", train=True, transform=tf, download=True)
loader = DataLoader(mnist, batch_size=BATCH, shuffle=True, num_workers=4)


# ---- cell 28
class Gen(nn.Module):
    def __init__(self, z_dim):
        super(Gen, self).__init__()
        self.z_dim = z_dim
        self.body = nn.Sequential(
            nn.Linear(self.z_dim, 256),
            nn.LeakyReLU(0.2),
            nn.Linear(256, 512),
            nn.LeakyReLU(0.2),
            nn.Linear(512, 1024),
            nn.LeakyReLU(0.2),
            nn.Linear(1024, 784),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.body(z).view(-1, 1, 28, 28)


# ---- cell 29
class Disc(nn.Module):
    def __init__(self):
        super(Disc, self).__init__()
        self.n_in = 784
        self.body = nn.Sequential(
            nn.Linear(self.n_in, 1024),
            nn.LeakyReLU(0.2),
            nn.Dropout(0.3),
            nn.Linear(1024, 512),
            nn.LeakyReLU(0.2),
            nn.Dropout(0.3),
            nn.Linear(512, 256),
            nn.LeakyReLU(0.2),
            nn.Dropout(0.3),
            nn.Linear(256, 1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        x = x.view(-1, 784)
        return self.body(x)


# ---- cell 30
G = Gen(Z_DIM).to(dev)
D = Disc().to(dev)
# ---- cell 31
opt_g = optim.Adam(G.parameters(), lr=0.0002)
opt_d = optim.Adam(D.parameters(), lr=0.0002)
bce = nn.BCELoss()
hist_g = []
hist_d = []
grids = []


# ---- cell 32
def keep_image(img, path):
    save_image(img, path)


# ---- cell 33
def step_d(optimizer, real, fake):
    n = real.size(0)
    ones = torch.ones(n, 1).to(dev)
    zeros = torch.zeros(n, 1).to(dev)
    optimizer.zero_grad()
    out_real = D(real)
    l_real = bce(out_real, ones)
    out_fake = D(fake)
    l_fake = bce(out_fake, zeros)
    l_real.backward()
    l_fake.backward()
    optimizer.step()
    return l_real + l_fake


# ---- cell 34
def step_g(optimizer, fake):
    n = fake.size(0)
    ones = torch.ones(n, 1).to(dev)
    optimizer.zero_grad()
    out = D(fake)
    l = bce(out, ones)
    l.backward()
    optimizer.step()
    return l


# ---- cell 35
G.train()
D.train()
for ep in range(EPOCHS):
    sum_g = 0.0
    sum_d = 0.0
    for i, batch in tqdm(enumerate(loader), total=int(len(mnist) / loader.batch_size)):
        imgs, _ = batch
        imgs = imgs.to(dev)
        n = len(imgs)
        for _ in range(D_STEPS):
            fake = G(torch.randn(n, Z_DIM).to(dev)).detach()
            real = imgs
            sum_d += step_d(opt_d, real, fake)  # expect: LG006
        fake = G(torch.randn(n, Z_DIM).to(dev))
        sum_g += step_g(opt_g, fake)  # expect: LG006
    sample = G(torch.randn(n, Z_DIM).to(dev)).cpu().detach()
    sample = make_grid(sample)
    keep_image(sample, f"../chap13/img/gen_img{ep}.png")
    grids.append(sample)
    mean_g = sum_g / i
    mean_d = sum_d / i
    hist_g.append(mean_g)  # expect: LG006
    hist_d.append(mean_d)  # expect: LG006
    print(f"Epoch {ep} of {EPOCHS}")
    print(f"Generator loss: {mean_g:.8f}, Discriminator loss: {mean_d:.8f}")
# ---- cell 36
plt.figure()
hist_g = [v.item() for v in hist_g]
plt.plot(hist_g, label='Generator loss')
hist_d = [v.item() for v in hist_d]
plt.plot(hist_d, label='Discriminator Loss')
plt.legend()
