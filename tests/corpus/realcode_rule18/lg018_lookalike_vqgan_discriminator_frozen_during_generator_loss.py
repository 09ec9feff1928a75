"""look-alike [LG018]: a VQGAN loop accumulates, per micro-step, the generator's loss with the discriminator's gradients switched off and the discriminator's loss with the generator's switched off, then steps both optimizers once: the generator's adversarial loss never reaches the discriminator's parameters."""

# Source: RohanAwhad/VQGAN@ca389b5a29 engine.py (cut, renamed)
import torch
import torch.nn.functional as F


def turn_on_grad(model):
    for p in model.parameters():
        p.requires_grad = True


def turn_off_grad(model):
    for p in model.parameters():
        p.requires_grad = False


def run(vqgan, disc, train_ds, n_steps, grad_accum_steps, lr=1e-4):
    vqgan_opt = torch.optim.AdamW(vqgan.parameters(), lr=lr)
    disc_opt = torch.optim.AdamW(disc.parameters(), lr=lr)
    for step in range(n_steps):
        vqgan_opt.zero_grad()
        disc_opt.zero_grad()
        for micro_step in range(grad_accum_steps):
            images = train_ds.next_batch()
            turn_on_grad(vqgan)
            turn_off_grad(disc)
            fake_img, _, commitment_loss = vqgan(images)
            disc_out = disc(fake_img).flatten(0, 2)
            reconstruction_loss = ((fake_img - images) ** 2).mean()
            gan_loss = F.binary_cross_entropy_with_logits(disc_out, torch.zeros_like(disc_out))
            gen_loss = (gan_loss + reconstruction_loss + commitment_loss) / grad_accum_steps
            gen_loss.backward()

            turn_off_grad(vqgan)
            turn_on_grad(disc)
            fake_img, _, _ = vqgan(images)
            disc_out = disc(fake_img).flatten(0, 2)
            real_out = disc(images).flatten(0, 2)
            y_hat = torch.cat([real_out, disc_out])
            y_true = torch.cat([torch.ones_like(real_out), torch.zeros_like(disc_out)])
            disc_loss = F.binary_cross_entropy_with_logits(y_hat, y_true) / 2 / grad_accum_steps
            disc_loss.backward()
        turn_on_grad(vqgan)
        turn_on_grad(disc)
        vqgan_opt.step()
        disc_opt.step()
