"""look-alike [LG015, LG006, LG002]: the ML2022 anomaly-detection homework (course sample code) picks an autoencoder from a dict by a type string and trains it with a mean nn.MSELoss (or a VAE loss built on it), keeping loss.item(); scoring builds nn.MSELoss(reduction='none'), sums it per image and appends the scores under no_grad, with no backward anywhere near."""
# Source: Fafa-DL/Lhy_Machine_Learning at 20cc5619 (read as is), "2022 ML/08 Auto-encoder Anomaly Detection/ML2022Spring_HW8.ipynb",
# code cells 4-12; re-typed, identifiers renamed; the `!pip`/`!wget`/`!unzip` lines, the seeding helper and the CSV
# export cut, the convolutional autoencoder shortened by one layer each way. The training bar (qqdm) is kept.
import numpy as np
import torch
import torchvision.transforms as transforms
from qqdm import format_str, qqdm
from torch import nn
from torch.autograd import Variable
from torch.utils.data import DataLoader, RandomSampler, SequentialSampler, TensorDataset

# ---- cell 5
train = np.load('data/trainingset.npy', allow_pickle=True)
test = np.load('data/testingset.npy', allow_pickle=True)


# ---- cell 7
class FcnAE(nn.Module):
    def __init__(self):
        super(FcnAE, self).__init__()
        self.enc = nn.Sequential(
            nn.Linear(64 * 64 * 3, 128), nn.ReLU(),
            nn.Linear(128, 64), nn.ReLU(),
            nn.Linear(64, 12), nn.ReLU(),
            nn.Linear(12, 3)
        )
        self.dec = nn.Sequential(
            nn.Linear(3, 12), nn.ReLU(),
            nn.Linear(12, 64), nn.ReLU(),
            nn.Linear(64, 128), nn.ReLU(),
            nn.Linear(128, 64 * 64 * 3), nn.Tanh()
        )

    def forward(self, x):
        return self.dec(self.enc(x))


class ConvAE(nn.Module):
    def __init__(self):
        super(ConvAE, self).__init__()
        self.enc = nn.Sequential(
            nn.Conv2d(3, 12, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(12, 24, 4, stride=2, padding=1), nn.ReLU(),
        )
        self.dec = nn.Sequential(
            nn.ConvTranspose2d(24, 12, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(12, 3, 4, stride=2, padding=1), nn.Tanh(),
        )

    def forward(self, x):
        return self.dec(self.enc(x))


class VarAE(nn.Module):
    def __init__(self):
        super(VarAE, self).__init__()
        self.enc = nn.Sequential(
            nn.Conv2d(3, 12, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(12, 24, 4, stride=2, padding=1), nn.ReLU(),
        )
        self.mu_head = nn.Sequential(nn.Conv2d(24, 48, 4, stride=2, padding=1), nn.ReLU())
        self.logvar_head = nn.Sequential(nn.Conv2d(24, 48, 4, stride=2, padding=1), nn.ReLU())
        self.dec = nn.Sequential(
            nn.ConvTranspose2d(48, 24, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(24, 12, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(12, 3, 4, stride=2, padding=1), nn.Tanh(),
        )

    def encode(self, x):
        h = self.enc(x)
        return self.mu_head(h), self.logvar_head(h)

    def reparametrize(self, mu, logvar):
        std = logvar.mul(0.5).exp_()
        if torch.cuda.is_available():
            eps = torch.cuda.FloatTensor(std.size()).normal_()
        else:
            eps = torch.FloatTensor(std.size()).normal_()
        eps = Variable(eps)
        return eps.mul(std).add_(mu)

    def decode(self, z):
        return self.dec(z)

    def forward(self, x):
        mu, logvar = self.encode(x)
        z = self.reparametrize(mu, logvar)
        return self.decode(z), mu, logvar


def vae_loss(recon, x, mu, logvar, criterion):
    mse = criterion(recon, x)
    kld_el = mu.pow(2).add_(logvar.exp()).mul_(-1).add_(1).add_(logvar)
    kld = torch.sum(kld_el).mul_(-0.5)
    return mse + kld


# ---- cell 8
class ImageSet(TensorDataset):
    def __init__(self, tensors):
        self.tensors = tensors
        if tensors.shape[-1] == 3:
            self.tensors = tensors.permute(0, 3, 1, 2)
        self.transform = transforms.Compose([
            transforms.Lambda(lambda x: x.to(torch.float32)),
            transforms.Lambda(lambda x: 2. * x / 255. - 1.),
        ])

    def __getitem__(self, i):
        x = self.tensors[i]
        if self.transform:
            x = self.transform(x)
        return x

    def __len__(self):
        return len(self.tensors)


# ---- cell 9
EPOCHS = 50
BATCH = 2000
LR = 1e-3
train_set = ImageSet(torch.from_numpy(train))
train_dl = DataLoader(train_set, sampler=RandomSampler(train_set), batch_size=BATCH)
model_type = 'vae'
choices = {'fcn': FcnAE(), 'cnn': ConvAE(), 'vae': VarAE()}
model = choices[model_type].cuda()
criterion = nn.MSELoss()
opt = torch.optim.Adam(model.parameters(), lr=LR)
# ---- cell 10
best = np.inf
model.train()
bar = qqdm(range(EPOCHS), desc=format_str('bold', 'Description'))
for epoch in bar:
    epoch_losses = list()
    for data in train_dl:
        img = data.float().cuda()
        if model_type in ['fcn']:
            img = img.view(img.shape[0], -1)
        out = model(img)
        if model_type in ['vae']:
            loss = vae_loss(out[0], img, out[1], out[2], criterion)
        else:
            loss = criterion(out, img)
        epoch_losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    mean_loss = np.mean(epoch_losses)
    if mean_loss < best:
        best = mean_loss
        torch.save(model, 'best_model_{}.pt'.format(model_type))
    bar.set_infos({'epoch': f'{epoch + 1:.0f}/{EPOCHS:.0f}', 'loss': f'{mean_loss:.4f}'})
    torch.save(model, 'last_model_{}.pt'.format(model_type))
# ---- cell 11
data = torch.tensor(test, dtype=torch.float32)
test_set = ImageSet(data)
test_dl = DataLoader(test_set, sampler=SequentialSampler(test_set), batch_size=200, num_workers=1)
score_fn = nn.MSELoss(reduction='none')
model = torch.load(f'last_model_{model_type}.pt')
model.eval()
# ---- cell 12
scores = list()
with torch.no_grad():
    for i, data in enumerate(test_dl):
        img = data.float().cuda()
        if model_type in ['fcn']:
            img = img.view(img.shape[0], -1)
        out = model(img)
        if model_type in ['vae']:
            out = out[0]
        if model_type in ['fcn']:
            err = score_fn(out, img).sum(-1)
        else:
            err = score_fn(out, img).sum([1, 2, 3])
        scores.append(err)
scores = torch.cat(scores, axis=0)
scores = torch.sqrt(scores).reshape(len(test), 1).cpu().numpy()
