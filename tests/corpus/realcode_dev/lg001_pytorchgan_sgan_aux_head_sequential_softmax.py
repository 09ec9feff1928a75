"""positive [LG001, LG011]: semi-supervised GAN discriminator whose aux head is nn.Sequential(nn.Linear, nn.Softmax()); forward returns (validity, label) and the label probabilities go to CrossEntropyLoss."""
# Source: https://github.com/eriklindernoren/PyTorch-GAN implementations/sgan/sgan.py at
# 36d3c77e5ff20ebe0aeefd322326a134a279b93e (found by this survey); re-typed, names changed, reduced.
import torch
import torch.nn as nn

n_classes = 10
img_size = 32


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()

        def discriminator_block(in_filters, out_filters, bn=True):
            block = [nn.Conv2d(in_filters, out_filters, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25)]
            if bn:
                block.append(nn.BatchNorm2d(out_filters, 0.8))
            return block

        self.conv_blocks = nn.Sequential(
            *discriminator_block(1, 16, bn=False),
            *discriminator_block(16, 32),
            *discriminator_block(32, 64),
            *discriminator_block(64, 128),
        )
        ds_size = img_size // 2 ** 4
        self.adv_layer = nn.Sequential(nn.Linear(128 * ds_size ** 2, 1), nn.Sigmoid())
        self.aux_layer = nn.Sequential(nn.Linear(128 * ds_size ** 2, n_classes + 1), nn.Softmax())  # expect: LG011

    def forward(self, img):
        out = self.conv_blocks(img)
        out = out.view(out.shape[0], -1)
        validity = self.adv_layer(out)
        label = self.aux_layer(out)
        return validity, label


adversarial_loss = torch.nn.BCELoss()
auxiliary_loss = torch.nn.CrossEntropyLoss()
discriminator = Discriminator()
optimizer_D = torch.optim.Adam(discriminator.parameters(), lr=0.0002, betas=(0.5, 0.999))

for epoch in range(200):
    for i, (imgs, labels) in enumerate([]):
        valid = torch.ones(imgs.size(0), 1)
        fake = torch.zeros(imgs.size(0), 1)
        fake_aux_gt = torch.full((imgs.size(0),), n_classes, dtype=torch.long)
        gen_imgs = torch.randn_like(imgs)
        optimizer_D.zero_grad()
        real_pred, real_aux = discriminator(imgs)
        d_real_loss = (adversarial_loss(real_pred, valid) + auxiliary_loss(real_aux, labels)) / 2  # expect: LG001
        fake_pred, fake_aux = discriminator(gen_imgs.detach())
        d_fake_loss = (adversarial_loss(fake_pred, fake) + auxiliary_loss(fake_aux, fake_aux_gt)) / 2  # expect: LG001
        d_loss = (d_real_loss + d_fake_loss) / 2
        d_loss.backward()
        optimizer_D.step()
