"""positive [LG014]: an SRGAN trainer's generator update starts with `self.optimizerD.zero_grad()`, the discriminator's optimizer, then back-propagates the generator's loss and steps `self.optimizerG`: nothing clears the generator's gradients, so every step applies the sum of all earlier batches' gradients (the fix clears `self.optimizerG`; it also hands the adversarial loss `self.netD(generated_hr)` where this hands `generated_hr`)."""

# Source: atikul-islam-sajib/SRGAN@0d2db72071 src/trainer.py, fixed in 659ff85e95 ("bug fixed in all code - src files") (cut, renamed)
import numpy as np
import torch
from tqdm import tqdm


class SRTrainer:
    def __init__(self, init, epochs=100, content_weight=1e-3, device="cpu"):
        self.epochs = epochs
        self.content_weight = content_weight
        self.device = device
        self.train_dataloader = init["train_dataloader"]
        self.netG = init["netG"]
        self.netD = init["netD"]
        self.optimizerG = init["optimizerG"]
        self.optimizerD = init["optimizerD"]
        self.adversarial_loss = init["adversarial_loss"]
        self.criterion_content = init["content_loss"]

    def update_discriminator_training(self, **kwargs):
        try:
            self.optimizerD.zero_grad()
            hr_loss = self.adversarial_loss(self.netD(kwargs["hr_images"]), kwargs["real_labels"])
            fake_loss = self.adversarial_loss(self.netD(self.netG(kwargs["lr_images"])), kwargs["fake_labels"])
            total_loss = 0.5 * (hr_loss + fake_loss)
            total_loss.backward()
            self.optimizerD.step()
        except Exception as e:
            print("The exception caught in (Discriminator) # {}".format(e))
        else:
            return total_loss.item()

    def update_generator_training(self, **kwargs):
        try:
            self.optimizerD.zero_grad()
            generated_hr = self.netG(kwargs["lr_images"])
            adversarial_loss = self.adversarial_loss(generated_hr, kwargs["real_labels"])
            real_features = self.criterion_content(kwargs["hr_images"])
            fake_features = self.criterion_content(generated_hr)
            content_loss = torch.abs(real_features - fake_features).mean()
            total_loss = self.content_weight * adversarial_loss + content_loss
            total_loss.backward()
            self.optimizerG.step()  # expect: LG014
        except Exception as e:
            print("The exception caught in (Generator) # {}".format(e))
        else:
            return total_loss.item()

    def train(self):
        for epoch in tqdm(range(self.epochs)):
            g_losses, d_losses = [], []
            for _, (lr_images, hr_images) in enumerate(self.train_dataloader):
                lr_images = lr_images.to(self.device)
                hr_images = hr_images.to(self.device)
                batch_size = hr_images.size(0)
                real_labels = torch.ones((batch_size,)).to(self.device)
                fake_labels = torch.zeros((batch_size,)).to(self.device)
                d_loss = self.update_discriminator_training(lr_images=lr_images, hr_images=hr_images, real_labels=real_labels, fake_labels=fake_labels)
                g_loss = self.update_generator_training(lr_images=lr_images, hr_images=hr_images, real_labels=real_labels)
                g_losses.append(g_loss)
                d_losses.append(d_loss)
            print(epoch + 1, np.array(g_losses).mean(), np.array(d_losses).mean())
