"""positive [LG004]: the book's DCGAN train_model builds label_real = torch.full((mini_batch_size,), 1).to(device), an int64 tensor (integer fill value), and passes it to BCEWithLogitsLoss."""
# Source: https://github.com/YutaroOgawa/pytorch_advanced 5_gan_generation/5-1_2_DCGAN.ipynb (cell "train_model")
# at bada8e07bd7503ed6d7a371fafb7a29b52b06d62 (issue #144: "RuntimeError: result type Float can't be cast
# to the desired output type Long", open: the bug is at HEAD); the notebook cell as .py, re-typed, names
# changed, reduced (logging left out).
import time

import torch
import torch.nn as nn


def train_model(G, D, dataloader, num_epochs):
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    g_lr, d_lr = 0.0001, 0.0004
    beta1, beta2 = 0.0, 0.9
    g_optimizer = torch.optim.Adam(G.parameters(), g_lr, [beta1, beta2])
    d_optimizer = torch.optim.Adam(D.parameters(), d_lr, [beta1, beta2])
    criterion = nn.BCEWithLogitsLoss(reduction="mean")
    z_dim = 20

    G.to(device)
    D.to(device)
    G.train()
    D.train()
    torch.backends.cudnn.benchmark = True

    logs = []
    for epoch in range(num_epochs):
        t_start = time.time()
        epoch_g_loss = 0.0
        epoch_d_loss = 0.0
        for images in dataloader:
            images = images.to(device)
            mini_batch_size = images.size()[0]
            label_real = torch.full((mini_batch_size,), 1).to(device)
            label_fake = torch.full((mini_batch_size,), 0).to(device)

            d_out_real = D(images)
            input_z = torch.randn(mini_batch_size, z_dim).to(device)
            input_z = input_z.view(input_z.size(0), input_z.size(1), 1, 1)
            fake_images = G(input_z)
            d_out_fake = D(fake_images)

            d_loss_real = criterion(d_out_real.view(-1), label_real)  # expect: LG004
            d_loss_fake = criterion(d_out_fake.view(-1), label_fake)  # expect: LG004
            d_loss = d_loss_real + d_loss_fake
            g_optimizer.zero_grad()
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()

            input_z = torch.randn(mini_batch_size, z_dim).to(device)
            input_z = input_z.view(input_z.size(0), input_z.size(1), 1, 1)
            fake_images = G(input_z)
            d_out_fake = D(fake_images)
            g_loss = criterion(d_out_fake.view(-1), label_real)  # expect: LG004
            g_optimizer.zero_grad()
            d_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()

            epoch_d_loss += d_loss.item()
            epoch_g_loss += g_loss.item()
        logs.append({"epoch": epoch, "d_loss": epoch_d_loss, "g_loss": epoch_g_loss, "time": time.time() - t_start})
    return G, D
