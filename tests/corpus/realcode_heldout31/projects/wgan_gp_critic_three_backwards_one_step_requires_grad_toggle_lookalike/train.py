"""part of look-alike project [LG002, LG014, LG017, LG018]: the critic step clears once, back-propagates the real term, the detached fake term and the gradient penalty separately, then steps once; the generator step toggles requires_grad around its own clear/backward/step."""
# Source: adldotori/WGAN-GP at de079933b0ec1fc34f4ba0766c8de6335d30ceff train.py (tensorboard image logging and checkpointing shortened; the loop kept, including the loss tensors passed to add_scalar)
import torch
import torch.nn as nn
import torch.nn.functional as F
import os
import argparse
import numpy as np

from torch.utils.tensorboard import SummaryWriter
from torch.autograd import grad

from model import *
from dataloader import *


def requires_grad(model, flag=True):
    for p in model.parameters():
        p.requires_grad = flag


def get_opt():
    parser = argparse.ArgumentParser()
    parser.add_argument('-n', '--num-workers', type=int, default=4)
    parser.add_argument('-e', '--epoch', type=int, default=40)
    parser.add_argument('-b', '--batch-size', type=int, default=100)
    parser.add_argument('-d', '--display-step', type=int, default=600)
    return parser.parse_args()


def train(opt):
    generator = ImageMaker().cuda()
    critic = Critic().cuda()
    critic.train()

    train_dataset = MNISTDataset('train')
    train_data_loader = MNISTDataloader('train', opt, train_dataset)

    optim_gen = torch.optim.Adam(generator.parameters(), lr=0.0002)
    optim_dis = torch.optim.Adam(critic.parameters(), lr=0.0002)

    writer = SummaryWriter()

    for epoch in range(opt.epoch):
        for i in range(len(train_data_loader.data_loader)):
            step = epoch * len(train_data_loader.data_loader) + i + 1
            image, label = train_data_loader.next_batch()
            image = image.cuda()

            optim_dis.zero_grad()

            noise = Variable(torch.randn(opt.batch_size, 100)).cuda()
            gen = generator(noise)

            validity_real = critic(image)
            loss_dis_real = validity_real.mean()
            (-loss_dis_real).backward()

            validity_fake = critic(gen.detach())
            loss_dis_fake = validity_fake.mean()
            loss_dis_fake.backward()

            eps = torch.rand(opt.batch_size, 1, 1, 1).cuda()
            x_hat = eps * image.data + (1 - eps) * gen.data
            x_hat.requires_grad = True
            hat_predict = critic(x_hat)
            grad_x_hat = grad(outputs=hat_predict.sum(), inputs=x_hat, create_graph=True)[0]
            grad_penalty = ((grad_x_hat.view(grad_x_hat.size(0), -1).norm(2, dim=1) - 1) ** 2).mean()
            grad_penalty = 10 * grad_penalty
            grad_penalty.backward()
            optim_dis.step()
            loss_dis = -loss_dis_real + loss_dis_fake + grad_penalty

            generator.train()
            optim_gen.zero_grad()

            requires_grad(generator, True)
            requires_grad(critic, False)

            noise = Variable(torch.randn(opt.batch_size, 100)).cuda()

            gen = generator(noise)
            validity = critic(gen)
            loss_gen = validity.mean()
            (-loss_gen).backward()
            optim_gen.step()

            requires_grad(generator, False)
            requires_grad(critic, True)

            writer.add_scalar('loss/gen/', loss_gen, step)
            writer.add_scalar('loss/dis/', loss_dis, step)

            if step % opt.display_step == 0:
                print('[Epoch {}] G_loss : {:.2} | D_loss : {:.2}'.format(epoch + 1, loss_gen, loss_dis))
                torch.save(generator.state_dict(), 'checkpoint_{}.pt'.format(step))


if __name__ == '__main__':
    os.environ['CUDA_VISIBLE_DEVICES'] = '0,1,2,3'
    opt = get_opt()
    train(opt)
