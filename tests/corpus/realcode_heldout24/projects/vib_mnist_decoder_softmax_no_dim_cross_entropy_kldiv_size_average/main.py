"""part of positive project [LG001, LG009, LG010, LG011]: the VIB solver keeps its criteria as attributes: nn.CrossEntropyLoss() gets the decoder's softmax probabilities in train() and, summed with size_average=False, in test(); the information term uses nn.KLDivLoss() at its default mean (and size_average=False in test) on the sampled code against a normal sample. Histories keep .data of the losses."""
# Source: 1Konny/VIB-pytorch at 2359d308 (the parent of 326a9eb7 "remove softmax for ce loss"), main.py; re-typed,
# identifiers renamed; visdom/tensorboard set-up, image scaling helpers and the history dict shortened. Written for
# PyTorch 0.3 (Variable, .data[0]) and kept so. utils/utils.py and utils/visdom_utils.py are not included.
import argparse
import math

import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from torch.optim import lr_scheduler
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.datasets import MNIST

from utils.model import Decoder, Encoder


class VIBSolver(object):
    def __init__(self, args):
        self.epoch = args.epoch
        self.batch_size = args.batch_size
        self.K = args.K
        self.beta = args.beta
        self.D = Decoder(self.K).cuda()
        self.D.weight_init()
        self.E = Encoder(self.K).cuda()
        self.E.weight_init()
        self.ED_optim = optim.Adam([{'params': self.E.parameters(), 'lr': args.E_lr},
                                    {'params': self.D.parameters(), 'lr': args.D_lr}], betas=(0.5, 0.999))
        self.ED_scheduler = lr_scheduler.ExponentialLR(self.ED_optim, gamma=0.97)

        self.CE_Loss = nn.CrossEntropyLoss()
        self.KLDiv_Loss = nn.KLDivLoss()  # expect: LG009
        self.CE_Loss_test = nn.CrossEntropyLoss(size_average=False)  # expect: LG010
        self.KLDiv_Loss_test = nn.KLDivLoss(size_average=False)  # expect: LG010

        self.history = dict(top_acc=0., epoch=0, info_loss=0., class_loss=0., total_loss=0.)
        self.global_epoch = 0
        self.train_loader = DataLoader(MNIST(root='data', train=True, transform=transforms.ToTensor(), download=True),
                                       batch_size=self.batch_size, shuffle=True, num_workers=5, drop_last=True)
        self.test_loader = DataLoader(MNIST(root='data', train=False, transform=transforms.ToTensor(), download=True),
                                      batch_size=self.batch_size, shuffle=False, num_workers=5, drop_last=False)

    def set_mode(self, mode='train'):
        if mode == 'train':
            self.D.train()
            self.E.train()
        elif mode == 'eval':
            self.D.eval()
            self.E.eval()
        else:
            raise ('mode error. It should be either train or eval')

    def scale_image(self, image):
        return image.mul(2).add(-1)

    def train(self):
        self.set_mode('train')
        for e in range(self.epoch):
            Class_Losses = []
            Info_Losses = []
            Total_Losses = []
            Accs = []
            for batch_idx, (images, labels) in enumerate(self.train_loader):
                x = Variable(images.cuda())
                x = self.scale_image(x)
                labels = Variable(labels).cuda()
                z = self.E(x)
                y_ = self.D(z)
                prior = Variable(torch.randn(z.size())).cuda()

                class_loss = self.CE_Loss(y_, labels).div(math.log(2))  # expect: LG001
                info_loss = self.KLDiv_Loss(z, prior).div(math.log(2))
                total_loss = class_loss + self.beta * info_loss

                self.ED_optim.zero_grad()
                total_loss.backward()
                self.ED_optim.step()

                acc = torch.eq(y_.max(1)[1], labels).float().mean()
                Accs.append(acc.data)
                Total_Losses.append(total_loss.data)
                Info_Losses.append(info_loss.data)
                Class_Losses.append(class_loss.data)
                if batch_idx % 100 == 0:
                    print('[{:03d}:{:03d}] class_loss:{:.3f} info_loss:{:.3f}'.format(
                        self.global_epoch, batch_idx, class_loss.data[0], info_loss.data[0]))

            Total_Losses = torch.cat(Total_Losses).mean()
            print('[{:03d}] avg_total_loss:{:.3f}'.format(self.global_epoch, Total_Losses))
            self.global_epoch += 1
            if (self.global_epoch % 2) == 0:
                self.ED_scheduler.step()
            self.test()

    def test(self):
        self.set_mode('eval')
        class_loss = 0.
        info_loss = 0.
        total_loss = 0.
        total_samples = 0.
        ACC = []
        for batch_idx, (images, labels) in enumerate(self.test_loader):
            x = Variable(images.cuda())
            x = self.scale_image(x)
            labels = Variable(labels).cuda()
            z = self.E(x)
            y_ = self.D(z)
            prior = Variable(torch.randn(z.size())).cuda()

            class_loss += self.CE_Loss_test(y_, labels).div(math.log(2)).data[0]  # expect: LG001
            info_loss += self.KLDiv_Loss_test(z, prior).div(math.log(2)).data[0]
            total_loss += class_loss + self.beta * info_loss

            acc = torch.eq(y_.max(1)[1], labels)
            ACC.append(acc.data)
            total_samples += x.size(0)

        ACC = torch.cat(ACC).float().mean()
        class_loss /= total_samples
        print('[TEST] accuracy:{:.3f}%'.format(ACC * 100))
        self.set_mode('train')


def main():
    parser = argparse.ArgumentParser(description='TOY VIB')
    parser.add_argument('--epoch', default=200, type=int)
    parser.add_argument('--D_lr', default=1e-4, type=float)
    parser.add_argument('--E_lr', default=1e-4, type=float)
    parser.add_argument('--beta', default=1e-3, type=float)
    parser.add_argument('--K', default=256, type=int)
    parser.add_argument('--batch_size', default=100, type=int)
    args = parser.parse_args()
    net = VIBSolver(args)
    net.test()
    net.train()
    return 0


if __name__ == "__main__":
    main()
