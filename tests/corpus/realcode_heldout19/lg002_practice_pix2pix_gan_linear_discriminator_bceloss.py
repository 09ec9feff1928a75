"""positive [LG002]: a personal practice repository's image-to-image GAN scores its discriminator, whose forward ends in nn.Linear (two raw scores per image, no sigmoid), with nn.BCELoss in the generator step and in both discriminator terms; the work-in-progress script also passes plain ints as targets and loops over an int (it does not run as written), but the unbounded input to BCELoss is the loss misuse."""
# Source: IshantDere/PyTorch-practice at 62517766 (read as is), GANs.py; re-typed, identifiers renamed; the shape
# probes between the class definitions and the dataset print loop cut; the decoder's `ConvUp` (the class is defined as
# `Convup`) kept as written.
import os

import torch
from PIL import Image
from torch import nn
from torch.optim import Adam
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms


class Down(nn.Module):
    def __init__(self, c_in, c_out, kernel_size=[2, 2], stride=[2, 2], padding=0):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, kernel_size, stride, padding)
        self.act = nn.ReLU()
        self.norm = nn.InstanceNorm2d(c_out)

    def forward(self, x):
        x = self.conv(x)
        x = self.act(x)
        x = self.norm(x)
        return x


class Convup(nn.Module):
    def __init__(self, c_in, c_out, kernel_size=[2, 2], stride=[2, 2], padding=0):
        super().__init__()
        self.conv = nn.ConvTranspose2d(c_in, c_out, kernel_size, stride, padding)
        self.act = nn.ReLU()
        self.norm = nn.InstanceNorm2d(c_out)

    def forward(self, x):
        x = self.conv(x)
        x = self.act(x)
        x = self.norm(x)
        return x


class Enc(nn.Module):
    def __init__(self, c_in=3, hidden=32, n_layers=8):
        super().__init__()
        self.layers = []
        for _ in range(n_layers):
            self.layers.append(Down(c_in, hidden))
            c_in = hidden
            hidden = hidden * 2
        self.layers = nn.Sequential(*self.layers)

    def forward(self, x):
        return self.layers(x)


class Dec(nn.Module):
    def __init__(self, c_in=4096, n_layers=8):
        super().__init__()
        self.layers = []
        for _ in range(n_layers):
            hidden = c_in // 2
            self.layers.append(ConvUp(c_in, hidden))
            c_in = hidden
        self.layers = nn.Sequential(*self.layers)
        self.last = nn.Conv2d(c_in, 3, (3, 3), (1, 1), 1)

    def forward(self, x):
        x = self.layers(x)
        return self.last(x)


class Gen(nn.Module):
    def __init__(self, c_in=3, c_out=3, n_layers=8):
        super().__init__()
        self.enc = Enc(c_in, n_layers=n_layers)
        self.dec = Dec(4096, n_layers=n_layers)

    def forward(self, x):
        x = self.enc(x)
        x = self.dec(x)
        return x


class Critic(nn.Module):
    def __init__(self, c_in=3, c_out=2, hidden=64, n_layers=8):
        super().__init__()
        self.layers = []
        for _ in range(n_layers):
            self.layers.append(Down(c_in, hidden))
            c_in = hidden
            hidden = hidden * 2
        self.layers = nn.Sequential(*self.layers)
        self.fc = nn.Linear(8192, c_out)

    def forward(self, x):
        x = self.layers(x)
        x = x[:, :, :1, :1]
        x = x.squeeze(-1).squeeze(-1)
        x = self.fc(x)
        return x


tf = transforms.Compose([
    transforms.Resize((1024, 1024)),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5])
])


class PairSet(Dataset):
    def __init__(self, root="/content/root"):
        super().__init__()
        self.root = root
        self.files_a = os.listdir(os.path.join(self.root, "trainA"))
        self.files_b = os.listdir(os.path.join(self.root, "trainB"))

    def __len__(self):
        return len(self.files_b)

    def __getitem__(self, i):
        name = self.files_a[i]
        a = Image.open(os.path.join(self.root, 'trainA', name)).convert('RGB')
        b = Image.open(os.path.join(self.root, "trainB", name)).convert('RGB')
        return tf(a), tf(b)


pairs = PairSet('/content/root')
loader = DataLoader(pairs, 1, True)
G = Gen()
D = Critic()
opt_g = Adam(G.parameters())
opt_d = Adam(D.parameters())

epochs = 50
l1 = torch.nn.L1Loss()
adv = nn.BCELoss()

for epoch in epochs:
    for x, y in loader:
        fake = G(x)
        with torch.no_grad():
            d_fake_g = D(fake)
        opt_g.zero_grad()
        rec = l1(fake, y)
        adv_g = adv(d_fake_g, 0)  # expect: LG002
        g_total = 2.0 * rec + 0.5 * adv_g
        g_total.backward()
        opt_g.step()

        opt_d.zero_grad()
        d_fake = D(fake)
        d_real = D(y)
        l_fake = adv(d_fake, 0)  # expect: LG002
        l_real = adv(d_real, 1)  # expect: LG002
        d_total = l_fake + l_real
        d_total.backward()
        opt_d.step()
