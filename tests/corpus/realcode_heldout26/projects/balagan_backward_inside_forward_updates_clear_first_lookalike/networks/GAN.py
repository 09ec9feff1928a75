"""part of look-alike project [LG001, LG014, LG017, LG018]: the class-conditional discriminator: hinge losses on the response map of the label's channel, a generator loss that is the negated mean response, and nn.CrossEntropyLoss on the spatially averaged raw scores of the auxiliary classifier."""
# Source: orpatashnik/BalaGAN at a34fba9f (read as is; issue #4 asks why the discriminator is not frozen during the
# generator update), networks/GAN.py (Discriminator);
# re-typed, identifiers renamed; the residual blocks imported from the cut blocks module, the Generator cut to its import.
import numpy as np
import torch
import torch.nn as nn
from torch import autograd

from networks.blocks import ActFirstResBlock, Conv2dBlock
from networks.generator import Generator


class Discriminator(nn.Module):
    def __init__(self, config):
        super(Discriminator, self).__init__()
        hp = config['gan']['dis']
        self.config = config
        self.n_layers = hp['n_res_blks'] // 2
        nf = hp['nf']
        n_modes = config['modalities']['k_source'] + config['modalities']['k_target']
        body = [Conv2dBlock(3, nf, 7, 1, 3, pad_type='reflect', norm='none', activation='none')]
        for i in range(self.n_layers - 1):
            nf_out = np.min([nf * 2, 1024])
            body += [ActFirstResBlock(nf, nf, None, 'lrelu', 'none')]
            body += [ActFirstResBlock(nf, nf_out, None, 'lrelu', 'none')]
            body += [nn.ReflectionPad2d(1)]
            body += [nn.AvgPool2d(kernel_size=3, stride=2)]
            nf = np.min([nf * 2, 1024])
        nf_out = np.min([nf * 2, 1024])
        body += [ActFirstResBlock(nf, nf, None, 'lrelu', 'none')]
        body += [ActFirstResBlock(nf, nf_out, None, 'lrelu', 'none')]
        self.body = nn.Sequential(*body)
        self.adv_head = nn.Sequential(Conv2dBlock(nf_out, n_modes, 1, 1, norm='none', activation='lrelu', activation_first=True))
        self.cls_head = nn.Sequential(Conv2dBlock(nf_out, n_modes, 1, 1, norm='none', activation='lrelu', activation_first=True))

    def forward(self, x, y):
        feat = self.body(x)
        out = self.adv_head(feat)
        cls_out = self.cls_head(feat)
        dis_label = out.mean(dim=[2, 3]).argmax(dim=1)
        cls_label = cls_out.mean(dim=[2, 3]).argmax(dim=1)
        index = torch.LongTensor(range(out.size(0))).to(self.config['device'])
        out = out[index, y, :, :]
        return out, feat, dis_label, cls_out, cls_label

    def calc_dis_fake_loss(self, input_fake, input_label):
        resp_fake, gan_feat, dis_label, _, _ = self.forward(input_fake, input_label)
        total = torch.tensor(np.prod(resp_fake.size()), dtype=torch.float).to(self.config['device'])
        fake_loss = torch.nn.ReLU()(1.0 + resp_fake).mean()
        acc = (resp_fake < 0).sum().type_as(fake_loss) / total
        return fake_loss, acc, resp_fake

    def calc_dis_real_loss(self, input_real, input_label):
        resp_real, gan_feat, dis_label, _, _ = self.forward(input_real, input_label)
        total = torch.tensor(np.prod(resp_real.size()), dtype=torch.float).to(self.config['device'])
        real_loss = torch.nn.ReLU()(1.0 - resp_real).mean()
        acc = (resp_real >= 0).sum().type_as(real_loss) / total
        return real_loss, acc, resp_real

    def calc_gen_loss(self, input_fake, input_fake_label):
        resp_fake, gan_feat, dis_label, _, _ = self.forward(input_fake, input_fake_label)
        total = torch.tensor(np.prod(resp_fake.size()), dtype=torch.float).to(self.config['device'])
        loss = -resp_fake.mean()
        acc = (resp_fake >= 0).sum().type_as(loss) / total
        return loss, acc, gan_feat

    def calc_dis_cls_loss(self, input, label):
        _, _, _, resp_real, pred = self.forward(input, label)
        real_loss = nn.CrossEntropyLoss()(resp_real.mean(dim=[2, 3]), label)
        return real_loss, resp_real

    def calc_grad2(self, d_out, x_in):
        batch_size = x_in.size(0)
        grad_dout = autograd.grad(outputs=d_out.mean(), inputs=x_in, create_graph=True, retain_graph=True,
                                  only_inputs=True)[0]
        return grad_dout.pow(2).sum() / batch_size
