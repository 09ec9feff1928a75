"""part of positive project [LG006]: loss helpers: DLoss and ADVloss wrap nn.BCELoss on probabilities, L2loss wraps nn.MSELoss, PSNR turns an L2 value into a float with math.log10."""
# Source: MBasting/SRGAN at 29b70557 (read as is), Losses.py; re-typed, identifiers renamed; docstrings shortened,
# the VGG preprocessing kept. The loss constructors pass size_average=None, reduce=None as in the source.
import math

import torch
import torch.nn as nn
from torchvision import transforms


def DLoss(label, disc_out):
    """BCE of eq. 5; disc_out is a probability."""
    fn = nn.BCELoss(weight=None, size_average=None, reduce=None, reduction="mean")
    return fn(disc_out, label)


def L2loss(sr, hr):
    fn = nn.MSELoss(size_average=None, reduce=None, reduction="mean")
    return fn(sr, hr)


def PSNR(l2, I=2):
    x = I ** 2 / l2
    return 10 * math.log10(x)


def ADVloss(p_sr, device):
    """Adversarial term of eq. 7; p_sr is the probability that the image is super-resolved."""
    fn = nn.BCELoss(weight=None, size_average=None, reduce=None, reduction="mean")
    return fn(p_sr, torch.ones(p_sr.size(), device=device))


def VGG19_Loss(sr, hr, vgg_cut):
    sr = torch.cat((sr, sr, sr), 1)
    hr = torch.cat((hr, hr, hr), 1)
    prep = transforms.Compose(
        [
            transforms.Resize(256),
            transforms.CenterCrop(224),
            transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
        ]
    )
    sr_in = prep(sr)
    hr_in = prep(hr)
    batch = torch.cat((sr_in, hr_in), 0)
    vgg_cut.eval()
    with torch.no_grad():
        feats = vgg_cut(batch)
    n = sr_in.size()[0]
    return L2loss(feats[0:n, :, :, :], feats[n : batch.size()[0], :, :, :])
