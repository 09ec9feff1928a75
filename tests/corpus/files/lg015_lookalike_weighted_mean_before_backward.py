"""look-alike [LG015]: reduction='none' losses reduced with (loss * w).mean(), torch.mean(...), loss[mask].mean() before backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F

ce = nn.CrossEntropyLoss(reduction="none")


def step_weighted(model, x, y, w, opt):
    opt.zero_grad()
    loss = ce(model(x), y)
    loss = (loss * w).mean()
    loss.backward()
    opt.step()


def step_masked(model, x, y, mask, opt):
    opt.zero_grad()
    per_pixel = F.binary_cross_entropy_with_logits(model(x), y, reduction="none")
    per_pixel[mask].mean().backward()
    opt.step()


def step_ohem(model, x, y, opt, keep=0.7):
    opt.zero_grad()
    losses = ce(model(x), y)
    hard, _ = losses.topk(int(keep * losses.numel()))
    torch.mean(hard).backward()
    opt.step()
