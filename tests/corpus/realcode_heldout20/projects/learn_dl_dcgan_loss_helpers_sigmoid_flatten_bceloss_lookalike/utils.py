"""part of look-alike project [LG002, LG016, LG005, LG006]: the GAN losses are helper functions that build nn.BCELoss() inline and apply it to the discriminator's outputs and labels the caller passes."""
# Source: HiHaker/learn-DL at 3ea00170 (read as is), implement/GAN/utils.py; re-typed, identifiers renamed; the
# plotting helper cut.
import torch.nn as nn


def d_loss(real_out, real_lbl, fake_out, fake_lbl):
    return nn.BCELoss()(real_out, real_lbl) + nn.BCELoss()(fake_out, fake_lbl)


def g_loss(fake_out, real_lbl):
    return nn.BCELoss()(fake_out, real_lbl)
