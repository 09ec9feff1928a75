"""positive [LG018]: a video tokenizer trainer (MAGVIT-v2) back-propagates the model's loss, whose adversarial term scores the reconstruction with the discriminator inside the model's forward, steps and clears the model's optimizer, then back-propagates the discriminator's loss (on an undetached reconstruction) and steps the discriminator's optimizer, cleared only after its step: the discriminator also applies the generator's adversarial gradients (the fix clears each optimizer before its loss and detaches the fakes)."""

# Source: lucidrains/magvit2-pytorch@f536697a2e magvit2_pytorch/trainer.py and magvit2_pytorch.py, fixed in dd86b76e19 (cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim import Adam


def hinge_discr_loss(fake, real):
    return (F.relu(1 + fake) + F.relu(1 - real)).mean()


def hinge_gen_loss(fake):
    return -fake.mean()


class Tokenizer(nn.Module):
    def __init__(self, encoder, decoder, quantizer, discr):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.quantizer = quantizer
        self.discr = discr

    def parameters(self):
        return [*self.encoder.parameters(), *self.decoder.parameters(), *self.quantizer.parameters()]

    def discr_parameters(self):
        return self.discr.parameters()

    def forward(self, video, return_loss=False, return_discr_loss=False):
        quantized, aux_loss = self.quantizer(self.encoder(video))
        recon_video = self.decoder(quantized)
        if return_discr_loss:
            real_logits = self.discr(video)
            fake_logits = self.discr(recon_video)
            return hinge_discr_loss(fake_logits, real_logits)
        recon_loss = F.mse_loss(video, recon_video)
        gen_loss = hinge_gen_loss(self.discr(recon_video))
        return recon_loss + aux_loss + 0.1 * gen_loss


class TokenizerTrainer(nn.Module):
    def __init__(self, model: Tokenizer, accelerator, learning_rate=1e-5, grad_accum_every=1, max_grad_norm=None):
        super().__init__()
        self.model = model
        self.accelerator = accelerator
        self.grad_accum_every = grad_accum_every
        self.max_grad_norm = max_grad_norm
        self.optimizer = Adam(model.parameters(), lr=learning_rate)
        self.discr_optimizer = Adam(model.discr_parameters(), lr=learning_rate)

    def train_step(self, dl_iter):
        self.model.train()
        for _ in range(self.grad_accum_every):
            data = next(dl_iter)
            loss = self.model(data, return_loss=True)
            self.accelerator.backward(loss / self.grad_accum_every)
        if self.max_grad_norm is not None:
            self.accelerator.clip_grad_norm_(self.model.parameters(), self.max_grad_norm)
        self.optimizer.step()
        self.optimizer.zero_grad()

        for _ in range(self.grad_accum_every):
            data = next(dl_iter)
            discr_loss = self.model(data, return_discr_loss=True)
            self.accelerator.backward(discr_loss / self.grad_accum_every)
        if self.max_grad_norm is not None:
            self.accelerator.clip_grad_norm_(self.model.discr_parameters(), self.max_grad_norm)
        self.discr_optimizer.step()  # expect: LG018
        self.discr_optimizer.zero_grad()

    def train(self, dl_iter, num_train_steps):
        for _ in range(num_train_steps):
            self.train_step(dl_iter)
