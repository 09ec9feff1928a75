"""part of look-alike project [LG002, LG004, LG005, LG016]: the trainer calls the discriminator's sigmoid output r_logit / f_logit and scores it with nn.BCELoss() against float torch.ones / torch.zeros of shape (bs,), clearing each network's gradients before its backward."""
# Source: lordleeber/ML2022-Spring-pytorch@717528b6ead7786e483cd7b66783db38b93fec53 HW06/trainer_gan.py (read as is; re-typed, identifiers renamed, cut at method boundaries: logging, checkpoints, image saving and inference left out)
import torch
from torch import nn
from torch.autograd import Variable
from tqdm import tqdm

from dataset import CrypkoDataset
from generator import Generator
from discriminator import Discriminator


class TrainerGAN():
    def __init__(self, config):
        self.config = config
        self.G = Generator(100)
        self.D = Discriminator(3)
        self.loss = nn.BCELoss()
        self.opt_D = torch.optim.Adam(self.D.parameters(), lr=self.config["lr"], betas=(0.5, 0.999))
        self.opt_G = torch.optim.Adam(self.G.parameters(), lr=self.config["lr"], betas=(0.5, 0.999))
        self.dataloader = None
        self.steps = 0

    def train(self):
        for e, epoch in enumerate(range(self.config["n_epoch"])):
            bar = tqdm(self.dataloader)
            for i, data in enumerate(bar):
                imgs = data.cuda()
                bs = imgs.size(0)
                z = Variable(torch.randn(bs, self.config["z_dim"])).cuda()
                r_imgs = Variable(imgs).cuda()
                f_imgs = self.G(z)
                r_label = torch.ones((bs)).cuda()
                f_label = torch.zeros((bs)).cuda()
                r_logit = self.D(r_imgs)
                f_logit = self.D(f_imgs)
                r_loss = self.loss(r_logit, r_label)
                f_loss = self.loss(f_logit, f_label)
                loss_D = (r_loss + f_loss) / 2
                self.D.zero_grad()
                loss_D.backward()
                self.opt_D.step()
                if self.steps % self.config["n_critic"] == 0:
                    z = Variable(torch.randn(bs, self.config["z_dim"])).cuda()
                    f_imgs = self.G(z)
                    f_logit = self.D(f_imgs)
                    loss_G = self.loss(f_logit, r_label)
                    self.G.zero_grad()
                    loss_G.backward()
                    self.opt_G.step()
                if self.steps % 10 == 0:
                    bar.set_postfix(loss_G=loss_G.item(), loss_D=loss_D.item())
                self.steps += 1
