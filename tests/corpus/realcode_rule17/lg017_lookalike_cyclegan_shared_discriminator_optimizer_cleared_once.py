"""look-alike [LG017]: the same CycleGAN update with the discriminators' one optimizer cleared once, before both backward() calls: the step applies both discriminators' gradients."""

# Source: Lornatang/CycleGAN-PyTorch@8c723b3 train.py (re-typed, renamed, cut to the discriminators' update; the second clear removed)
import itertools

import torch
import torch.nn as nn
from torch import optim
from torch.cuda import amp


def build_optimizers(gen_ab, gen_ba, disc_a, disc_b, lr):
    gen_opt = optim.Adam(itertools.chain(gen_ab.parameters(), gen_ba.parameters()), lr, (0.5, 0.999))
    disc_opt = optim.Adam(itertools.chain(disc_a.parameters(), disc_b.parameters()), lr, (0.5, 0.999))
    return gen_opt, disc_opt


def fit_epoch(gen_ab, gen_ba, disc_a, disc_b, batches, adv_criterion, cycle_criterion, gen_opt, disc_opt, scaler, device):
    for batch in batches:
        img_a = batch["a"].to(device)
        img_b = batch["b"].to(device)

        gen_opt.zero_grad(set_to_none=True)
        for p in disc_a.parameters():
            p.requires_grad = False
        for p in disc_b.parameters():
            p.requires_grad = False
        with amp.autocast():
            fake_b = gen_ab(img_a)
            fake_a = gen_ba(img_b)
            out_a = disc_a(fake_b)
            out_b = disc_b(fake_a)
            adv_a = adv_criterion(out_a, torch.ones_like(out_a))
            adv_b = adv_criterion(out_b, torch.ones_like(out_b))
            cyc = cycle_criterion(gen_ba(fake_b), img_a) + cycle_criterion(gen_ab(fake_a), img_b)
            gen_loss = adv_a + adv_b + 10.0 * cyc
        scaler.scale(gen_loss).backward()
        scaler.step(gen_opt)
        scaler.update()

        disc_opt.zero_grad(set_to_none=True)
        for p in disc_a.parameters():
            p.requires_grad = True
        with amp.autocast():
            real_out_a = disc_a(img_b)
            loss_real_a = adv_criterion(real_out_a, torch.ones_like(real_out_a))
            fake_out_a = disc_a(fake_b.detach())
            loss_fake_a = adv_criterion(fake_out_a, torch.zeros_like(fake_out_a))
            loss_disc_a = torch.div(torch.add(loss_real_a, loss_fake_a), 2)
        scaler.scale(loss_disc_a).backward()

        # one clear for both discriminators, made above
        for p in disc_b.parameters():
            p.requires_grad = True
        with amp.autocast():
            real_out_b = disc_b(img_a)
            loss_real_b = adv_criterion(real_out_b, torch.ones_like(real_out_b))
            fake_out_b = disc_b(fake_a.detach())
            loss_fake_b = adv_criterion(fake_out_b, torch.zeros_like(fake_out_b))
            loss_disc_b = torch.div(torch.add(loss_real_b, loss_fake_b), 2)
        scaler.scale(loss_disc_b).backward()
        scaler.step(disc_opt)
        scaler.update()


def main(gen_ab, gen_ba, disc_a, disc_b, batches, epochs, device):
    adv_criterion = nn.MSELoss().to(device)
    cycle_criterion = nn.L1Loss().to(device)
    gen_opt, disc_opt = build_optimizers(gen_ab, gen_ba, disc_a, disc_b, 2e-4)
    scaler = amp.GradScaler()
    for _ in range(epochs):
        fit_epoch(gen_ab, gen_ba, disc_a, disc_b, batches, adv_criterion, cycle_criterion, gen_opt, disc_opt, scaler, device)
