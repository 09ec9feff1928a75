"""positive [LG018]: the VQGAN-VAE trainer of a text-to-video repository takes its autoencoder unannotated and asserts its class (assert isinstance(vae, VQGanVAE)); it back-propagates the autoencoder's loss, whose adversarial term goes through the discriminator inside the wrapper's forward, then the discriminator's loss, and clears the discriminator's optimizer only after its step, so that step also applies the generator's adversarial gradients (the fix, "fix potential bug with discriminator training in vqgan-vae", clears it before its loss)."""

# Source: lucidrains/nuwa-pytorch@1f09e6579c nuwa_pytorch/train_vqgan_vae.py, vqgan_vae.py and optimizer.py, fixed in a3e3a6dbb7 (cut, renamed)
import torch
import torch.nn.functional as F
import torchvision
from torch import nn
from torch.optim import Adam, AdamW


def exists(val):
    return val is not None


def hinge_discr_loss(fake, real):
    return (F.relu(1 + fake) + F.relu(1 - real)).mean()


def hinge_gen_loss(fake):
    return -fake.mean()


def get_optimizer(params, lr=3e-4, wd=1e-1):
    if wd == 0:
        return Adam(list(params), lr=lr)
    return AdamW(list(params), lr=lr, weight_decay=wd)


class Discriminator(nn.Module):
    def __init__(self, dims, channels=3):
        super().__init__()
        layers = [nn.Conv2d(channels, dims[0], 5, padding=2), nn.LeakyReLU(0.1)]
        for dim_in, dim_out in zip(dims[:-1], dims[1:]):
            layers += [nn.Conv2d(dim_in, dim_out, 4, stride=2, padding=1), nn.LeakyReLU(0.1)]
        self.layers = nn.Sequential(*layers)
        self.to_logits = nn.Sequential(nn.Conv2d(dims[-1], dims[-1], 1), nn.LeakyReLU(0.1), nn.Conv2d(dims[-1], 1, 4))

    def forward(self, x):
        return self.to_logits(self.layers(x))


class VQGanVAE(nn.Module):
    def __init__(self, *, dim, image_size, channels=3, num_layers=4, use_vgg_and_gan=True):
        super().__init__()
        self.image_size = image_size
        self.channels = channels
        dims = [dim * 2**i for i in range(num_layers)]
        self.encoders = nn.ModuleList([nn.Conv2d(channels if i == 0 else dims[i - 1], dims[i], 4, 2, 1) for i in range(num_layers)])
        self.decoders = nn.ModuleList(
            [nn.ConvTranspose2d(dims[i], channels if i == 0 else dims[i - 1], 4, 2, 1) for i in reversed(range(num_layers))]
        )
        self.use_vgg_and_gan = use_vgg_and_gan
        self.discr = None
        if not use_vgg_and_gan:
            return
        self.vgg = torchvision.models.vgg16(pretrained=True)
        self.vgg.classifier = nn.Sequential(*self.vgg.classifier[:-2])
        self.discr = Discriminator(dims=dims, channels=channels)
        self.discr_loss = hinge_discr_loss
        self.gen_loss = hinge_gen_loss

    def encode(self, fmap):
        for enc in self.encoders:
            fmap = enc(fmap)
        return fmap

    def decode(self, fmap):
        for dec in self.decoders:
            fmap = dec(fmap)
        return fmap

    def forward(self, img, return_loss=False, return_discr_loss=False):
        fmap = self.decode(self.encode(img))
        if not return_loss and not return_discr_loss:
            return fmap
        if return_discr_loss:
            fmap.detach_()
            img.requires_grad_()
            fmap_discr_logits, img_discr_logits = map(self.discr, (fmap, img))
            return self.discr_loss(fmap_discr_logits, img_discr_logits)
        recon_loss = F.mse_loss(fmap, img)
        if not self.use_vgg_and_gan:
            return recon_loss
        perceptual_loss = F.mse_loss(self.vgg(img), self.vgg(fmap))
        gen_loss = self.gen_loss(self.discr(fmap))
        return recon_loss + perceptual_loss + gen_loss


class VQGanVAETrainer(nn.Module):
    def __init__(self, vae, *, num_train_steps, lr, batch_size, grad_accum_every, dl, wd=0.0):
        super().__init__()
        assert isinstance(vae, VQGanVAE), "vae must be instance of VQGanVAE"
        self.vae = vae
        self.num_train_steps = num_train_steps
        self.batch_size = batch_size
        self.grad_accum_every = grad_accum_every
        self.dl = dl
        all_parameters = set(vae.parameters())
        discr_parameters = set(vae.discr.parameters())
        vae_parameters = all_parameters - discr_parameters
        self.optim = get_optimizer(vae_parameters, lr=lr, wd=wd)
        self.discr_optim = get_optimizer(discr_parameters, lr=lr, wd=wd)
        self.register_buffer("steps", torch.Tensor([0]))

    def train_step(self):
        device = next(self.vae.parameters()).device
        steps = int(self.steps.item())
        self.vae.train()
        logs = {}

        for _ in range(self.grad_accum_every):
            img = next(self.dl).to(device)
            loss = self.vae(img, return_loss=True)
            logs["loss"] = logs.get("loss", 0.0) + loss.item() / self.grad_accum_every
            (loss / self.grad_accum_every).backward()

        self.optim.step()
        self.optim.zero_grad()

        if exists(self.vae.discr):
            for _ in range(self.grad_accum_every):
                img = next(self.dl).to(device)
                loss = self.vae(img, return_discr_loss=True)
                logs["discr_loss"] = logs.get("discr_loss", 0.0) + loss.item() / self.grad_accum_every
                (loss / self.grad_accum_every).backward()

            self.discr_optim.step()  # expect: LG018
            self.discr_optim.zero_grad()
            print(f"{steps}: vae loss: {logs['loss']} - discr loss: {logs['discr_loss']}")

        self.steps += 1
        return logs

    def train(self):
        while self.steps < self.num_train_steps:
            self.train_step()
