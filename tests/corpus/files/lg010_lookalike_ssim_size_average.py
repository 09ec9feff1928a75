"""look-alike [LG010]: pytorch-ssim style `ssim(img1, img2, size_average=True)` is a user function, not a torch loss; reduction= on torch losses."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gaussian_window(size=11, sigma=1.5, channels=3):
    g = torch.exp(-((torch.arange(size) - size // 2) ** 2).float() / (2 * sigma ** 2))
    w = (g / g.sum()).unsqueeze(1) @ (g / g.sum()).unsqueeze(0)
    return w.expand(channels, 1, size, size).contiguous()


def ssim(img1, img2, window_size=11, size_average=True):
    w = gaussian_window(window_size, channels=img1.size(1)).to(img1)
    mu1 = F.conv2d(img1, w, padding=window_size // 2, groups=img1.size(1))
    mu2 = F.conv2d(img2, w, padding=window_size // 2, groups=img1.size(1))
    ssim_map = (2 * mu1 * mu2 + 1e-4) / (mu1 ** 2 + mu2 ** 2 + 1e-4)
    return ssim_map.mean() if size_average else ssim_map.mean(dim=(1, 2, 3))


l1 = nn.L1Loss(reduction="mean")


def train(model, loader, optimizer):
    for noisy, clean in loader:
        optimizer.zero_grad()
        out = model(noisy)
        loss = l1(out, clean) + (1 - ssim(out, clean, size_average=True))
        loss.backward()
        optimizer.step()
