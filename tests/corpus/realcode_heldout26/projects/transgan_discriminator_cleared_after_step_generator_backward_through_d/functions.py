"""part of positive project [LG016, LG018]: one epoch of TransGAN: the discriminator's optimizer is cleared before the loop and then only right after its own step, while every generator update back-propagates g_loss through dis_net, so the next discriminator step also applies the generator's objective; the 'standard' loss applies an inline nn.Sigmoid() and then nn.BCELoss."""
# Source: VITA-Group/TransGAN at 6b85440c (read as is; issue #45 asks whether the generator's gradients reach the
# discriminator's update), functions.py;
# re-typed, identifiers renamed; the 'wgangp-mode' branch, the EMA warm-up and the sample printing shortened.
from copy import deepcopy

import numpy as np
import torch
import torch.nn as nn
from tqdm import tqdm


def compute_gradient_penalty(D, real_samples, fake_samples, phi):
    alpha = torch.Tensor(np.random.random((real_samples.size(0), 1, 1, 1))).to(real_samples.get_device())
    interpolates = (alpha * real_samples + ((1 - alpha) * fake_samples)).requires_grad_(True)
    d_interpolates = D(interpolates)
    fake = torch.ones([real_samples.shape[0], 1], requires_grad=False).to(real_samples.get_device())
    gradients = torch.autograd.grad(outputs=d_interpolates, inputs=interpolates, grad_outputs=fake,
                                    create_graph=True, retain_graph=True, only_inputs=True)[0]
    gradients = gradients.reshape(gradients.size(0), -1)
    return ((gradients.norm(2, dim=1) - phi) ** 2).mean()


def train(args, gen_net, dis_net, gen_optimizer, dis_optimizer, gen_avg_param, train_loader, epoch, writer_dict,
          schedulers=None):
    writer = writer_dict['writer']
    gen_step = 0
    gen_net.train()
    dis_net.train()
    dis_optimizer.zero_grad()
    gen_optimizer.zero_grad()
    for iter_idx, (imgs, _) in enumerate(tqdm(train_loader)):
        global_steps = writer_dict['train_global_steps']
        real_imgs = imgs.type(torch.cuda.FloatTensor).cuda(args.gpu, non_blocking=True)
        z = torch.cuda.FloatTensor(np.random.normal(0, 1, (imgs.shape[0], args.latent_dim))).cuda(args.gpu, non_blocking=True)

        # discriminator
        real_validity = dis_net(real_imgs)
        fake_imgs = gen_net(z, epoch).detach()
        fake_validity = dis_net(fake_imgs)
        if args.loss == 'hinge':
            d_loss = 0
            d_loss = torch.mean(nn.ReLU(inplace=True)(1.0 - real_validity)) + \
                torch.mean(nn.ReLU(inplace=True)(1 + fake_validity))
        elif args.loss == 'standard':
            real_label = torch.full((imgs.shape[0],), 1., dtype=torch.float, device=real_imgs.get_device())
            fake_label = torch.full((imgs.shape[0],), 0., dtype=torch.float, device=real_imgs.get_device())
            real_validity = nn.Sigmoid()(real_validity.view(-1))
            fake_validity = nn.Sigmoid()(fake_validity.view(-1))
            d_real_loss = nn.BCELoss()(real_validity, real_label)  # expect: LG016
            d_fake_loss = nn.BCELoss()(fake_validity, fake_label)  # expect: LG016
        elif args.loss == 'lsgan':
            real_label = torch.full((real_validity.shape[0], real_validity.shape[1]), 1., dtype=torch.float,
                                    device=real_imgs.get_device())
            fake_label = torch.full((real_validity.shape[0], real_validity.shape[1]), 0., dtype=torch.float,
                                    device=real_imgs.get_device())
            d_loss = nn.MSELoss()(real_validity, real_label) + nn.MSELoss()(fake_validity, fake_label)
        elif args.loss == 'wgangp':
            gp = compute_gradient_penalty(dis_net, real_imgs, fake_imgs.detach(), args.phi)
            d_loss = -torch.mean(real_validity) + torch.mean(fake_validity) + gp * 10 / (args.phi ** 2)
        elif args.loss == 'wgangp-eps':
            gp = compute_gradient_penalty(dis_net, real_imgs, fake_imgs.detach(), args.phi)
            d_loss = -torch.mean(real_validity) + torch.mean(fake_validity) + gp * 10 / (args.phi ** 2)
            d_loss += (torch.mean(real_validity) ** 2) * 1e-3
        else:
            raise NotImplementedError(args.loss)
        d_loss = d_loss / float(args.accumulated_times)
        d_loss.backward()
        if (iter_idx + 1) % args.accumulated_times == 0:
            torch.nn.utils.clip_grad_norm_(dis_net.parameters(), 5.)
            dis_optimizer.step()  # expect: LG018
            dis_optimizer.zero_grad()
            writer.add_scalar('d_loss', d_loss.item(), global_steps) if args.rank == 0 else 0

        # generator
        if global_steps % (args.n_critic * args.accumulated_times) == 0:
            for acc_idx in range(args.g_accumulated_times):
                gen_z = torch.cuda.FloatTensor(np.random.normal(0, 1, (args.gen_batch_size, args.latent_dim)))
                gen_imgs = gen_net(gen_z, epoch)
                fake_validity = dis_net(gen_imgs)
                if args.loss == "standard":
                    real_label = torch.full((args.gen_batch_size,), 1., dtype=torch.float, device=real_imgs.get_device())
                    fake_validity = nn.Sigmoid()(fake_validity.view(-1))
                    g_loss = nn.BCELoss()(fake_validity.view(-1), real_label)  # expect: LG016
                if args.loss == "lsgan":
                    real_label = torch.full((fake_validity.shape[0], fake_validity.shape[1]), 1., dtype=torch.float,
                                            device=real_imgs.get_device())
                    g_loss = nn.MSELoss()(fake_validity, real_label)
                else:
                    g_loss = -torch.mean(fake_validity)
                g_loss = g_loss / float(args.g_accumulated_times)
                g_loss.backward()
            torch.nn.utils.clip_grad_norm_(gen_net.parameters(), 5.)
            gen_optimizer.step()
            gen_optimizer.zero_grad()
            if schedulers:
                gen_scheduler, dis_scheduler = schedulers
                gen_scheduler.step(global_steps)
                dis_scheduler.step(global_steps)
            for p, avg_p in zip(gen_net.parameters(), gen_avg_param):
                cpu_p = deepcopy(p)
                avg_p.mul_(args.ema).add_(1. - args.ema, cpu_p.cpu().data)
                del cpu_p
            writer.add_scalar('g_loss', g_loss.item(), global_steps) if args.rank == 0 else 0
            gen_step += 1
        writer_dict['train_global_steps'] = global_steps + 1
