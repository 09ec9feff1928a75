"""part of look-alike project [LG002, LG005, LG006, LG014]: the GAN loop applies nn.BCELoss to the discriminator's sigmoid output against (N, 1) float labels, clears each network's gradients with module.zero_grad() before its backward passes, and keeps only the last batch's losses, read with .item() after the epoch."""
# Source: tsunrise/everybody-compose@632fc77c05cae8cb61a1d81bb85e1717b3e363a4 gan_training.py (read as is; re-typed, identifiers renamed, the dataset split, tensorboard and checkpoint code shortened)
import argparse
from typing import Optional

import toml
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data

from models.cnn_discriminator import CNNDiscriminator
from preprocess.dataset import BeatsRhythmsDataset
from utils.data_paths import DataPaths
from utils.model import get_model, load_checkpoint, save_checkpoint, model_forward

CONFIG_PATH = "./config.toml"


def train(generator_name: str, discriminator_name: str, n_epochs: int, device: str, n_files: int = -1,
          generator_checkpoint: Optional[str] = None, discriminator_checkpoint: Optional[str] = None):
    config = toml.load(CONFIG_PATH)
    g_cfg = config["model"][generator_name]
    d_cfg = config["model"][discriminator_name]
    netG = get_model(generator_name, g_cfg, device)
    netD = CNNDiscriminator(g_cfg["n_notes"], g_cfg["seq_len"], d_cfg["embed_dim"]).to(device)
    if generator_checkpoint:
        load_checkpoint(generator_checkpoint, netG, device)
    if discriminator_checkpoint:
        load_checkpoint(discriminator_checkpoint, netD, device)

    real_label = 1.
    fake_label = 0.
    criterion = nn.BCELoss()
    optD = torch.optim.Adam(netD.parameters(), lr=g_cfg["lr"])
    optG = torch.optim.Adam(netG.parameters(), lr=d_cfg["lr"])

    data = BeatsRhythmsDataset(g_cfg["seq_len"], config["global"]["random_slice_seed"])
    data.load(config["global"]["dataset"])
    loader = torch.utils.data.DataLoader(data, g_cfg["batch_size"], shuffle=True)

    netD.train()
    netG.train()
    for epoch in range(n_epochs):
        for batch in loader:
            netD.zero_grad()
            beats = batch["beats"].to(device)
            notes = batch["notes"].long().to(device)
            notes_prev = batch["notes_shifted"].long().to(device)
            label = torch.full((beats.shape[0], 1), real_label, dtype=torch.float, device=device)
            notes_1h = torch.nn.functional.one_hot(notes, g_cfg['n_notes']).float()
            out = netD(beats, notes_1h)
            d_real = criterion(out, label)
            d_real.backward()
            D_x = out.mean().item()

            fake_logits = model_forward(generator_name, netG, beats, notes, notes_prev, device)
            fake = F.gumbel_softmax(fake_logits)
            label.fill_(fake_label)
            out = netD(beats, fake.detach())
            d_fake = criterion(out, label)
            d_fake.backward()
            D_G_z1 = out.mean().item()
            d_total = d_real + d_fake
            optD.step()

            netG.zero_grad()
            label.fill_(real_label)
            out = netD(beats, fake)
            g_loss = criterion(out, label)
            g_loss.backward()
            D_G_z2 = out.mean().item()
            netG.clip_gradients_(5)
            optG.step()

        print('[%d/%d]\tLoss_D: %.4f\tLoss_G: %.4f\tD(x): %.4f\tD(G(z)): %.4f / %.4f'
              % (epoch, n_epochs, d_total.item(), g_loss.item(), D_x, D_G_z1, D_G_z2))

    paths = DataPaths()
    save_checkpoint(netG, paths, generator_name, n_files, n_epochs)
    save_checkpoint(netD, paths, discriminator_name, n_files, n_epochs)


if __name__ == '__main__':
    parser = argparse.ArgumentParser('Train DeepBeats GAN')
    parser.add_argument('-gm', '--generator_name', type=str, default="lstm")
    parser.add_argument('-dm', '--discriminator_name', type=str, default="cnn")
    parser.add_argument('-n', '--n_epochs', type=int, default=100)
    parser.add_argument('-d', '--device', type=str, default='cuda' if torch.cuda.is_available() else 'cpu')
    args = parser.parse_args()
    train(**vars(args))
