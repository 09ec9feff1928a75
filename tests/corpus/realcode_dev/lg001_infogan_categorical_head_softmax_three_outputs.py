"""positive [LG001, LG011]: InfoGAN discriminator returns (validity, label, latent_code); the label head is nn.Sequential(nn.Linear, nn.Softmax()) and categorical_loss = nn.CrossEntropyLoss() gets it, unpacked from the 3-tuple as `_, pred_label, pred_code`."""
# Source: https://github.com/eriklindernoren/PyTorch-GAN implementations/infogan/infogan.py at
# 36d3c77e5ff20ebe0aeefd322326a134a279b93e (found by this survey); re-typed, names changed, reduced.
import itertools

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

n_classes, code_dim, img_size, channels, latent_dim = 10, 2, 32, 1, 62
lambda_cat, lambda_con = 1, 0.1


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()

        def discriminator_block(in_filters, out_filters, bn=True):
            block = [nn.Conv2d(in_filters, out_filters, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25)]
            if bn:
                block.append(nn.BatchNorm2d(out_filters, 0.8))
            return block

        self.conv_blocks = nn.Sequential(
            *discriminator_block(channels, 16, bn=False), *discriminator_block(16, 32),
            *discriminator_block(32, 64), *discriminator_block(64, 128),
        )
        ds_size = img_size // 2 ** 4
        self.adv_layer = nn.Sequential(nn.Linear(128 * ds_size ** 2, 1))
        self.aux_layer = nn.Sequential(nn.Linear(128 * ds_size ** 2, n_classes), nn.Softmax())  # expect: LG011
        self.latent_layer = nn.Sequential(nn.Linear(128 * ds_size ** 2, code_dim))

    def forward(self, img):
        out = self.conv_blocks(img)
        out = out.view(out.shape[0], -1)
        validity = self.adv_layer(out)
        label = self.aux_layer(out)
        latent_code = self.latent_layer(out)
        return validity, label, latent_code


categorical_loss = torch.nn.CrossEntropyLoss()
continuous_loss = torch.nn.MSELoss()
discriminator = Discriminator()
generator = None
optimizer_info = torch.optim.Adam(itertools.chain(discriminator.parameters()), lr=0.0002, betas=(0.5, 0.999))

for epoch in range(200):
    for i, (imgs, labels) in enumerate([]):
        batch_size = imgs.shape[0]
        optimizer_info.zero_grad()
        sampled_labels = np.random.randint(0, n_classes, batch_size)
        gt_labels = Variable(torch.LongTensor(sampled_labels), requires_grad=False)
        code_input = Variable(torch.FloatTensor(np.random.uniform(-1, 1, (batch_size, code_dim))))
        gen_imgs = generator(batch_size, sampled_labels, code_input)
        _, pred_label, pred_code = discriminator(gen_imgs)
        info_loss = lambda_cat * categorical_loss(pred_label, gt_labels) + lambda_con * continuous_loss(  # expect: LG001
            pred_code, code_input
        )
        info_loss.backward()
        optimizer_info.step()
