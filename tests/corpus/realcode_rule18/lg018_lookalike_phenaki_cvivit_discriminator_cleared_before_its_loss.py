"""look-alike [LG018]: the same video tokenizer trainer after the fix: the discriminator's optimizer is cleared before the discriminator's loss is accumulated and steps on that loss alone."""

# Source: lucidrains/phenaki-pytorch@3c33570ce4 phenaki_pytorch/cvivit_trainer.py and cvivit.py (the fix; cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim import AdamW


def hinge_discr_loss(fake, real):
    return (F.relu(1 + fake) + F.relu(1 - real)).mean()


def hinge_gen_loss(fake):
    return -fake.mean()


class FrameDiscriminator(nn.Module):
    def __init__(self, channels=3, dim=32):
        super().__init__()
        self.layers = nn.Sequential(nn.Conv2d(channels, dim, 4, 2, 1), nn.LeakyReLU(0.1), nn.Conv2d(dim, 1, 4))

    def forward(self, frames):
        return self.layers(frames)


class VideoTokenizer(nn.Module):
    def __init__(self, encoder, decoder, quantizer, channels=3):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.quantizer = quantizer
        self.discr = FrameDiscriminator(channels)

    def forward(self, video, return_loss=False, return_discr_loss=False):
        tokens, commit_loss = self.quantizer(self.encoder(video))
        recon_video = self.decoder(tokens)
        frame = video[:, :, 0]
        recon_frame = recon_video[:, :, 0]
        if return_discr_loss:
            recon_frame.detach_()
            frame.requires_grad_()
            recon_logits, frame_logits = map(self.discr, (recon_frame, frame))
            return hinge_discr_loss(recon_logits, frame_logits)
        recon_loss = F.mse_loss(recon_video, video)
        gen_loss = hinge_gen_loss(self.discr(recon_frame))
        return recon_loss + commit_loss + gen_loss


class TokenizerTrainer(nn.Module):
    def __init__(self, vae: VideoTokenizer, accelerator, dl_iter, lr=3e-4, grad_accum_every=1):
        super().__init__()
        self.vae = vae
        self.accelerator = accelerator
        self.dl_iter = dl_iter
        self.grad_accum_every = grad_accum_every
        discr_parameters = set(vae.discr.parameters())
        vae_parameters = set(vae.parameters()) - discr_parameters
        self.optim = AdamW(vae_parameters, lr=lr)
        self.discr_optim = AdamW(discr_parameters, lr=lr)

    def train_step(self):
        self.vae.train()
        for _ in range(self.grad_accum_every):
            video = next(self.dl_iter)
            loss = self.vae(video, return_loss=True)
            self.accelerator.backward(loss / self.grad_accum_every)
        self.optim.step()
        self.optim.zero_grad()

        self.discr_optim.zero_grad()
        for _ in range(self.grad_accum_every):
            video = next(self.dl_iter)
            loss = self.vae(video, return_discr_loss=True)
            self.accelerator.backward(loss / self.grad_accum_every)
        self.discr_optim.step()

    def train(self, num_train_steps):
        for _ in range(num_train_steps):
            self.train_step()
