"""look-alike [LG014]: the same conditional GAN train step after the fix: the generator's gradients are cleared once per generator step, the accumulation micro-batches only back-propagate, and the optimizer steps once after them."""

# Source: open-mmlab/mmgeneration@14af36bbff mmgen/models/gans/basic_conditional_gan.py (cut, renamed)
import torch
import torch.nn as nn


def set_requires_grad(net, flag):
    for p in net.parameters():
        p.requires_grad = flag


class ConditionalGAN(nn.Module):
    def __init__(self, generator, discriminator, gen_steps=1, accumulation_steps=4):
        super().__init__()
        self.generator = generator
        self.discriminator = discriminator
        self.gen_steps = gen_steps
        self.accumulation_steps = accumulation_steps

    def generator_loss(self, pred_fake):
        return nn.functional.softplus(-pred_fake).mean()

    def train_step(self, batch, optimizer, loss_scaler=None):
        real = batch["img"]
        set_requires_grad(self.discriminator, False)
        for _ in range(self.gen_steps):
            optimizer["generator"].zero_grad()
            for _ in range(self.accumulation_steps):
                fake = self.generator(None, num_batches=real.shape[0], return_noise=True)
                pred_fake = self.discriminator(fake["fake_img"], label=fake["label"])
                loss_gen = self.generator_loss(pred_fake) / float(self.accumulation_steps)
                if loss_scaler:
                    loss_scaler.scale(loss_gen).backward()
                else:
                    loss_gen.backward()
            if loss_scaler:
                loss_scaler.unscale_(optimizer["generator"])
                loss_scaler.step(optimizer["generator"])
            else:
                optimizer["generator"].step()
        return dict(loss_gen=loss_gen.item())
