"""part of positive project [LG001, LG011]: the Solver keeps nn.CrossEntropyLoss as self.aux_loss and applies it to the discriminator's softmaxed class head three times (generator step, real batch, fake batch); the BCELoss terms on the sigmoid validity are correct."""
# Source: inhopp/ACGAN at 81d909e8 (read as is), train.py; re-typed, identifiers renamed; the DataParallel branch,
# the parameter-count prints and the image saving cut. option.py and data.py (get_option, generate_loader) are not
# included; the names stay undefined as the source's imports give them. Commit f153147 ("update loss function")
# replaced an MSELoss on the discriminator with these BCE and cross-entropy terms.
from tqdm import tqdm
import torch
import torch.nn as nn
import torch.optim as optim
import numpy as np
from data import generate_loader
from option import get_option
from model import Generator
from model import Discriminator
from torch.autograd import Variable


class Solver():
    def __init__(self, opt):
        self.opt = opt
        self.n_classes = opt.n_classes
        self.dev = torch.device("cuda:{}".format(opt.gpu) if torch.cuda.is_available() else "cpu")
        self.G = Generator(channels=1, img_size=opt.input_size, n_classes=self.n_classes).to(self.dev)
        self.D = Discriminator(channels=1, img_size=opt.input_size, n_classes=self.n_classes).to(self.dev)
        self.adv_loss = torch.nn.BCELoss()
        self.aux_loss = torch.nn.CrossEntropyLoss()
        self.opt_G = optim.Adam(self.G.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))
        self.opt_D = optim.Adam(self.D.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))
        self.loader = generate_loader(opt)

    def fit(self):
        opt = self.opt
        for epoch in range(opt.n_epoch):
            for i, (imgs, labels) in enumerate(tqdm(self.loader)):
                ones = Variable(torch.ones(imgs.size(0), 1)).to(self.dev)
                zeros = Variable(torch.zeros(imgs.size(0), 1)).to(self.dev)
                real_imgs = Variable(imgs).to(self.dev)
                real_cls = Variable(labels).to(self.dev)

                self.opt_G.zero_grad()
                z = Variable(torch.randn((imgs.size(0), 100))).to(self.dev)
                fake_cls = torch.tensor(np.random.randint(0, self.n_classes, imgs.size(0)))
                fake_cls = Variable(fake_cls).to(self.dev)
                fakes = self.G(z, fake_cls)
                validity, cls_prob = self.D(fakes)
                g_loss = 0.5 * (self.adv_loss(validity, ones) + self.aux_loss(cls_prob, fake_cls))  # expect: LG001
                g_loss.backward()
                self.opt_G.step()

                self.opt_D.zero_grad()
                real_v, real_c = self.D(real_imgs)
                real_loss = (self.adv_loss(real_v, ones) + self.aux_loss(real_c, real_cls)) / 2  # expect: LG001
                fake_v, fake_c = self.D(fakes.detach())
                fake_loss = (self.adv_loss(fake_v, zeros) + self.aux_loss(fake_c, fake_cls)) / 2  # expect: LG001
                d_loss = (real_loss + fake_loss) / 2
                d_loss.backward()
                self.opt_D.step()
            print(f"[Epoch {epoch+1}/{opt.n_epoch}] [D loss: {d_loss.item():.6f}] [G loss: {g_loss.item():.6f}]")


def main():
    opt = get_option()
    torch.manual_seed(opt.seed)
    Solver(opt).fit()


if __name__ == "__main__":
    main()
