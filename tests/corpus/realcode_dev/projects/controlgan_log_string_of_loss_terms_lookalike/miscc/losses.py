"""part of look-alike project [LG006]: generator_loss sums the discriminators' BCE terms into the loss it returns and writes each term into a log string with `%` formatting, which it returns beside the loss."""
# Source: https://github.com/mrlibw/ControlGAN code/miscc/losses.py at e6cf108bd5823487b3de6b5cf027e090df08a1c1
# (generator_loss, KL_loss, lines 157-217); re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torch.nn.functional as F


def generator_loss(discriminators, fakes, real_labels, sent_emb, style_net, reals):
    logs = ""
    total = 0
    perceptual = 0
    for i in range(len(discriminators)):
        features = discriminators[i](fakes[i])
        cond_logits = discriminators[i].COND_DNET(features, sent_emb)
        cond_err = nn.BCELoss()(cond_logits, real_labels)
        if discriminators[i].UNCOND_DNET is not None:
            logits = discriminators[i].UNCOND_DNET(features)
            err = nn.BCELoss()(logits, real_labels)
            g_loss = err + cond_err
        else:
            g_loss = cond_err
        total += g_loss
        logs += "g_loss%d: %.2f " % (i, g_loss)
        perceptual += F.mse_loss(style_net(reals[i])[0], style_net(fakes[i])[0])
    logs += "perceptual_loss: %.2f " % (perceptual / 3.0)
    total += perceptual / 3.0
    return total, logs


def kl_loss(mu, logvar):
    element = mu.pow(2).add_(logvar.exp()).mul_(-1).add_(1).add_(logvar)
    return torch.mean(element).mul_(-0.5)
