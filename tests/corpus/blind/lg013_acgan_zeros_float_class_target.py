"""positive [LG013]: AC-GAN auxiliary classifier target for generated images is torch.zeros(batch) (float32, rank 1) passed to nn.CrossEntropyLoss."""
import torch
import torch.nn as nn

N_CLASSES = 10
LATENT = 100


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
            nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
            nn.Flatten(),
        )
        self.adv = nn.Linear(128 * 7 * 7, 1)
        self.aux = nn.Linear(128 * 7 * 7, N_CLASSES + 1)

    def forward(self, img):
        h = self.features(img)
        return self.adv(h), self.aux(h)


def d_step(D, G, real_imgs, real_labels, opt_d):
    adv_loss = nn.BCEWithLogitsLoss()
    aux_loss = nn.CrossEntropyLoss()
    b = real_imgs.size(0)
    z = torch.randn(b, LATENT)
    gen_labels = torch.randint(0, N_CLASSES, (b,))
    fake_imgs = G(z, gen_labels).detach()

    real_adv, real_aux = D(real_imgs)
    fake_adv, fake_aux = D(fake_imgs)
    fake_class = torch.zeros(b) + N_CLASSES
    loss_real = adv_loss(real_adv, torch.ones_like(real_adv)) + aux_loss(real_aux, real_labels)
    loss_fake = adv_loss(fake_adv, torch.zeros_like(fake_adv)) + aux_loss(fake_aux, fake_class)  # expect: LG013
    d_loss = 0.5 * (loss_real + loss_fake)
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()
    return d_loss.item()
