"""look-alike [LG018]: a VAE-GAN trainer clears the discriminator's optimizer before the discriminator's loss (on a detached reconstruction), steps it, then back-propagates the autoencoder's loss through the discriminator, steps and clears the autoencoder's optimizer, and clears the discriminator's again to drop what that loss left on it."""

# Source: cloneofsimo/vqgan-training@379fe36eee vae_trainer.py (cut, renamed)
import torch
import torch.nn.functional as F


def gan_disc_loss(real_preds, fake_preds):
    return F.relu(1 - real_preds).mean() + F.relu(1 + fake_preds).mean()


def train(vae, discriminator, lpips, dataloader, lr=1e-4, do_ganloss=True):
    optimizer_G = torch.optim.AdamW(vae.parameters(), lr=lr, betas=(0.9, 0.95))
    optimizer_D = torch.optim.AdamW(discriminator.parameters(), lr=lr, betas=(0.9, 0.95))
    for real_images in dataloader:
        reconstructed, z = vae(real_images)
        if do_ganloss:
            real_preds = discriminator(real_images)
            fake_preds = discriminator(reconstructed.detach())
            total_d_loss = gan_disc_loss(real_preds, fake_preds)
            optimizer_D.zero_grad()
            total_d_loss.backward(retain_graph=True)
            optimizer_D.step()

        percep_rec_loss = lpips(reconstructed, real_images).mean()
        vae_loss = F.mse_loss(reconstructed, real_images) + z.pow(2).mean()
        if do_ganloss:
            fake_preds = discriminator(reconstructed)
            g_gan_loss = -fake_preds.mean()
            overall_vae_loss = percep_rec_loss + g_gan_loss + vae_loss
        else:
            overall_vae_loss = percep_rec_loss + vae_loss
        overall_vae_loss.backward()
        optimizer_G.step()
        optimizer_G.zero_grad()
        if do_ganloss:
            optimizer_D.zero_grad()
