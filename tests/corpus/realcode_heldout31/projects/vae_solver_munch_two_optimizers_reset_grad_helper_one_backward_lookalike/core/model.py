"""part of look-alike project [LG006, LG014, LG017, LG018]: encoder and decoder built into a Munch by build_nets; the decoder ends in Tanh."""
# Source: sehyeona/VAE-pytorch at a970286f1d9e76f9b958ff89365d7c3294206a30 core/model.py (the encoder/decoder blocks shortened to one conv stage each; build_nets and the Munch kept)
import numpy as np
from munch import Munch
import torch
import torch.nn.functional as F
import torch.nn as nn


class ImageEncoder(nn.Module):
    def __init__(self, img_size=256, channel_in=32, target_size=8, max_channel=256, latent_dim=64):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, channel_in, 5, 1, 2),
            nn.BatchNorm2d(channel_in),
            nn.LeakyReLU(0.2),
            nn.Conv2d(channel_in, max_channel, 3, 2, 1),
            nn.BatchNorm2d(max_channel),
            nn.LeakyReLU(0.2),
        )
        self.fc = nn.Sequential(
            nn.Linear(in_features=target_size * target_size * max_channel, out_features=1024, bias=False),
            nn.BatchNorm1d(num_features=1024, momentum=0.9),
            nn.LeakyReLU(0.2),
        )
        self.l_mu = nn.Linear(in_features=1024, out_features=latent_dim)
        self.l_var = nn.Linear(in_features=1024, out_features=latent_dim)

    def forward(self, ten):
        ten = self.main(ten)
        ten = ten.view(len(ten), -1)
        ten = self.fc(ten)
        return self.l_mu(ten), self.l_var(ten)

    def __call__(self, *args, **kwargs):
        return super(ImageEncoder, self).__call__(*args, **kwargs)


class ImageDecoder(nn.Module):
    def __init__(self, img_size=256, channel_in=256, start_size=8, min_channel=16, latent_dim=64):
        super(ImageDecoder, self).__init__()
        self.start_size = start_size
        self.fc = nn.Sequential(
            nn.Linear(in_features=latent_dim, out_features=start_size * start_size * channel_in, bias=False),
            nn.BatchNorm1d(num_features=8 * 8 * channel_in, momentum=0.9),
            nn.ReLU(True),
        )
        self.conv = nn.Sequential(
            nn.ConvTranspose2d(channel_in, min_channel, kernel_size=5, padding=2, stride=2, output_padding=1, bias=False),
            nn.BatchNorm2d(min_channel, momentum=0.9),
            nn.LeakyReLU(0.2),
            nn.Sequential(
                nn.Conv2d(in_channels=min_channel, out_channels=3, kernel_size=5, stride=1, padding=2),
                nn.Tanh(),
            ),
        )

    def forward(self, ten):
        ten = self.fc(ten)
        ten = ten.view(len(ten), -1, self.start_size, self.start_size)
        return self.conv(ten)

    def __call__(self, *args, **kwargs):
        return super(ImageDecoder, self).__call__(*args, **kwargs)


def build_nets(args):
    encoder = ImageEncoder(img_size=args.img_size, channel_in=args.encoder_channel_in,
                           target_size=args.target_size, max_channel=args.max_channel,
                           latent_dim=args.latent_dim)
    decoder = ImageDecoder(img_size=args.img_size, channel_in=args.decoder_channel_in,
                           start_size=args.start_size, min_channel=args.min_channel,
                           latent_dim=args.latent_dim)
    nets = Munch(encoder=encoder, decoder=decoder)
    return nets
