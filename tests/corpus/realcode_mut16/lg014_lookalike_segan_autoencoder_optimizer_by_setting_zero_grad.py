"""look-alike [LG014]: the autoencoder trainer as written clears the chosen optimizer (RMSprop or Adam by a setting) every iteration before its loss."""
# Source: santi-pdp/segan_pytorch@052238718b segan/models/model.py (AEWSEGAN.train, re-typed; the generator a stand-in, evaluation, samples and savers cut)
import timeit

import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv1d(1, 16, 31, stride=2, padding=15)
        self.dec = nn.ConvTranspose1d(16, 1, 32, stride=2, padding=15)

    def forward(self, noisy):
        return self.dec(F.prelu(self.enc(noisy), self.enc.weight.new_ones(1)))


class AutoEncoderTrainer:
    def __init__(self, opts):
        self.G = Generator()
        self.l1_loss = opts.l1_loss

    def sample_loader(self, loader):
        clean, noisy = next(iter(loader))
        return clean, noisy

    def train(self, opts, loader):
        if opts.opt == "rmsprop":
            Gopt = optim.RMSprop(self.G.parameters(), lr=opts.g_lr)
        elif opts.opt == "adam":
            Gopt = optim.Adam(self.G.parameters(), lr=opts.g_lr, betas=(0.5, 0.9))
        else:
            raise ValueError("Unrecognized optimizer {}".format(opts.opt))
        timings = []
        for iteration in range(1, opts.epoch * len(loader) + 1):
            beg_t = timeit.default_timer()
            clean, noisy = self.sample_loader(loader)
            enhanced = self.G(noisy)
            Gopt.zero_grad()
            if self.l1_loss:
                loss = F.l1_loss(enhanced, clean)
            else:
                loss = F.mse_loss(enhanced, clean)
            loss.backward()
            Gopt.step()
            timings.append(timeit.default_timer() - beg_t)
            if iteration % 100 == 0:
                print(iteration, loss.item())
