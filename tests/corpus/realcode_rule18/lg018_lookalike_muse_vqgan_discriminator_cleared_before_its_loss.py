"""look-alike [LG018]: the same VQGAN trainer after the fix: the discriminator's optimizer is cleared before its loss is accumulated, dropping what the generator's adversarial loss left on it; the optimizer steps on the discriminator's loss alone."""

# Source: lucidrains/muse-maskgit-pytorch@f7ea957000 muse_maskgit_pytorch/trainers.py and vqgan_vae.py (the fix; cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim import Adam


def hinge_discr_loss(fake, real):
    return (F.relu(1 + fake) + F.relu(1 - real)).mean()


def hinge_gen_loss(fake):
    return -fake.mean()


class PatchDiscriminator(nn.Module):
    def __init__(self, channels=3, dim=64):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(channels, dim, 4, 2, 1), nn.LeakyReLU(0.1), nn.Conv2d(dim, 1, 4))

    def forward(self, x):
        return self.net(x)


class VQGanVAE(nn.Module):
    def __init__(self, enc_dec, channels=3):
        super().__init__()
        self.enc_dec = enc_dec
        self.discr = PatchDiscriminator(channels)

    def forward(self, img, return_loss=False, return_discr_loss=False):
        fmap, commit_loss = self.enc_dec(img)
        if return_discr_loss:
            fmap.detach_()
            img.requires_grad_()
            fmap_discr_logits, img_discr_logits = map(self.discr, (fmap, img))
            return hinge_discr_loss(fmap_discr_logits, img_discr_logits)
        recon_loss = F.l1_loss(fmap, img)
        gen_loss = hinge_gen_loss(self.discr(fmap))
        return recon_loss + commit_loss + 0.8 * gen_loss


class VQGanVAETrainer(nn.Module):
    def __init__(self, vae: VQGanVAE, dl_iter, lr=3e-4, grad_accum_every=1):
        super().__init__()
        self.vae = vae
        self.dl_iter = dl_iter
        self.grad_accum_every = grad_accum_every
        all_parameters = set(vae.parameters())
        discr_parameters = set(vae.discr.parameters())
        vae_parameters = all_parameters - discr_parameters
        self.optim = Adam(vae_parameters, lr=lr)
        self.discr_optim = Adam(discr_parameters, lr=lr)

    def train_step(self):
        self.vae.train()
        for _ in range(self.grad_accum_every):
            img = next(self.dl_iter)
            loss = self.vae(img, return_loss=True)
            (loss / self.grad_accum_every).backward()
        self.optim.step()
        self.optim.zero_grad()

        self.discr_optim.zero_grad()
        for _ in range(self.grad_accum_every):
            img = next(self.dl_iter)
            loss = self.vae(img, return_discr_loss=True)
            (loss / self.grad_accum_every).backward()
        self.discr_optim.step()

    def train(self, num_train_steps):
        for _ in range(num_train_steps):
            self.train_step()
