"""part of positive project [LG004]: train_model builds nn.BCEWithLogitsLoss and, for every mini-batch, the labels torch.full((n,), 1).to(device) and torch.full((n,), 0).to(device): a Python int fill value gives int64 tensors (torch >= 1.7), so the discriminator's real and fake terms and the generator's term all get an integer target."""
# Source: tanik12/pytorch_practice at aff0168b, lesson_5/train.py; re-typed, identifiers renamed; the timing prints and the epoch report shortened;
# the __main__ block (the same as main.py) cut.
import time

import torch
import torch.nn as nn


def init_weights(m):
    name = m.__class__.__name__
    if name.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
        nn.init.constant_(m.bias.data, 0)
    elif name.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


def train_model(G, D, dataloader, num_epochs):
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

    g_lr, d_lr = 0.0001, 0.0004
    beta1, beta2 = 0.0, 0.9
    g_opt = torch.optim.Adam(G.parameters(), g_lr, [beta1, beta2])
    d_opt = torch.optim.Adam(D.parameters(), d_lr, [beta1, beta2])

    criterion = nn.BCEWithLogitsLoss(reduction='mean')

    z_dim = 20
    mini_batch_size = 64

    G.to(device)
    D.to(device)
    G.train()
    D.train()
    torch.backends.cudnn.benchmark = True

    batch_size = dataloader.batch_size
    iteration = 1

    for epoch in range(num_epochs):
        t0 = time.time()
        epoch_g_loss = 0.0
        epoch_d_loss = 0.0

        for imgs in dataloader:
            if imgs.size()[0] == 1:
                continue
            imgs = imgs.to(device)

            mini_batch_size = imgs.size()[0]
            label_real = torch.full((mini_batch_size,), 1).to(device)
            label_fake = torch.full((mini_batch_size,), 0).to(device)

            d_out_real = D(imgs)

            z = torch.randn(mini_batch_size, z_dim).to(device)
            z = z.view(z.size(0), z.size(1), 1, 1)
            fake_imgs = G(z)
            d_out_fake = D(fake_imgs)

            d_loss_real = criterion(d_out_real.view(-1), label_real)  # expect: LG004
            d_loss_fake = criterion(d_out_fake.view(-1), label_fake)  # expect: LG004
            d_loss = d_loss_real + d_loss_fake

            g_opt.zero_grad()
            d_opt.zero_grad()
            d_loss.backward()
            d_opt.step()

            z = torch.randn(mini_batch_size, z_dim).to(device)
            z = z.view(z.size(0), z.size(1), 1, 1)
            fake_imgs = G(z)
            d_out_fake = D(fake_imgs)

            g_loss = criterion(d_out_fake.view(-1), label_real)  # expect: LG004

            g_opt.zero_grad()
            d_opt.zero_grad()
            g_loss.backward()
            g_opt.step()

            epoch_d_loss += d_loss.item()
            epoch_g_loss += g_loss.item()
            iteration += 1

        print('epoch {} || D: {:.4f} || G: {:.4f} || {:.1f}s'.format(
            epoch, epoch_d_loss / batch_size, epoch_g_loss / batch_size, time.time() - t0))

    return G, D
