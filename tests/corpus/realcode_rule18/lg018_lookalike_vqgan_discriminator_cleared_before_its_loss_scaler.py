"""look-alike [LG018]: a VQGAN loop trains the discriminator first (cleared, fakes made under no_grad and detached), then clears the autoencoder's optimizer and back-propagates its loss, whose adversarial term goes through the discriminator; the discriminator's gradients from it are dropped by the clear at the top of the next iteration, before the discriminator's own loss."""

# Source: xinli2008/VQGAN_from_scratch@e7c6b7f281 train_vqgan.py (cut, renamed)
import torch
import torch.nn.functional as F


class VQGANTrainer:
    def __init__(self, vqgan, discriminator, perceptual_loss, lr=2.25e-5):
        self.vqgan = vqgan
        self.discriminator = discriminator
        self.perceptual_loss = perceptual_loss
        self.optimizer_vqgan = torch.optim.Adam(self.vqgan.parameters(), lr=lr, eps=1e-8, betas=(0.5, 0.9))
        self.optimizer_discriminator = torch.optim.Adam(self.discriminator.parameters(), lr=lr, eps=1e-8, betas=(0.5, 0.9))

    def train(self, dataset, num_epochs, disc_factor=1.0):
        scaler = torch.cuda.amp.GradScaler()
        for epoch in range(num_epochs):
            for i, imgs in enumerate(dataset):
                self.discriminator.zero_grad()
                self.optimizer_discriminator.zero_grad()
                with torch.no_grad():
                    decoded_images, _, codebook_loss = self.vqgan(imgs)
                disc_real = self.discriminator(imgs)
                disc_fake = self.discriminator(decoded_images.detach())
                d_loss_real = torch.mean(F.relu(1.0 - disc_real))
                d_loss_fake = torch.mean(F.relu(1.0 + disc_fake))
                gan_loss = disc_factor * 0.5 * (d_loss_real + d_loss_fake)
                scaler.scale(gan_loss).backward()
                scaler.step(self.optimizer_discriminator)
                scaler.update()

                self.optimizer_vqgan.zero_grad()
                decoded_images, _, codebook_loss = self.vqgan(imgs)
                perceptual_loss = self.perceptual_loss(imgs, decoded_images)
                reconstruction_loss = torch.abs(imgs - decoded_images)
                discriminator_fake = self.discriminator(decoded_images)
                perceptual_rec_loss = (perceptual_loss + reconstruction_loss).mean()
                g_loss = -torch.mean(discriminator_fake)
                vq_loss = perceptual_rec_loss + codebook_loss + disc_factor * g_loss
                scaler.scale(vq_loss).backward()
                scaler.step(self.optimizer_vqgan)
                scaler.update()
