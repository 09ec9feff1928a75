"""look-alike: the same AnoGAN loop clearing the generator's optimizer before the helper that back-propagates (the repository's order): the step applies the generator loss's gradients."""

# Source: jonad/AnoGan-Pytorch@a69087bcf0 scripts/train.py (train), scripts/generator.py (train_generator),
# scripts/discriminator.py (train_discriminator); re-typed, identifiers renamed; the networks' layers, the
# configuration module and the checkpointing cut
# Mutation: none (the repository's order; its clear written on the optimizer, where the repository clears the module)
import torch
import torch.nn as nn
import torch.optim as optim

EPOCHS = 25
LATENT = 100


def fit_discriminator(data, label, disc, criterion, device):
    out = disc(data.to(device))[0].view(-1)
    err = criterion(out, label)
    err.backward()
    return err, out.mean().item()


def fit_generator(disc, data, label, criterion):
    out = disc(data)[0].view(-1)
    err = criterion(out, label)
    err.backward()
    return err, out.mean().item()


def train(loader, disc, gen, opt_d, opt_g, criterion, device):
    for epoch in range(EPOCHS):
        g_hist, d_hist = [], []
        for i, data in enumerate(loader, 1):
            opt_d.zero_grad()
            size = data[0].size(0)
            label = torch.full((size,), 1.0, device=device)
            err_real, _ = fit_discriminator(data[0], label, disc, criterion, device)
            fake = gen(torch.randn(size, LATENT, 1, 1, device=device))
            label.fill_(0.0)
            err_fake, _ = fit_discriminator(fake.detach(), label, disc, criterion, device)
            err_d = err_fake + err_real
            opt_d.step()
            opt_g.zero_grad()
            label.fill_(1.0)
            err_g, _ = fit_generator(disc, fake, label, criterion)
            opt_g.step()
            g_hist.append(err_g.item())
            d_hist.append(err_d.item())
        print(epoch, sum(g_hist) / len(g_hist), sum(d_hist) / len(d_hist))


if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    criterion = nn.BCELoss()
    disc = Discriminator().to(device)
    gen = Generator().to(device)
    opt_d = optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_g = optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
    train(loader, disc, gen, opt_d, opt_g, criterion, device)
