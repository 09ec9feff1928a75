"""part of positive project [LG016, LG018]: the entry point builds the generator and discriminator named in the config with eval, one Adam optimizer each, linear learning-rate decay, and calls train() every epoch."""
# Source: VITA-Group/TransGAN at 6b85440c (read as is; issue #45 asks whether the generator's gradients reach the
# discriminator's update), train_derived.py;
# re-typed, identifiers renamed; distributed setup, checkpoint resume, FID evaluation and logging shortened
# (cfg, LinearLrDecay, set_log_dir, ImageDataset as in the source's modules).
from copy import deepcopy

import torch

import cfg
import models_search
from functions import train
from utils.utils import LinearLrDecay
from datasets import ImageDataset


def main_worker(args):
    gen_net = eval('models_search.' + args.gen_model + '.Generator')(args=args)
    dis_net = eval('models_search.' + args.dis_model + '.Discriminator')(args=args)
    gen_net = torch.nn.DataParallel(gen_net).cuda()
    dis_net = torch.nn.DataParallel(dis_net).cuda()
    gen_optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, gen_net.parameters()), args.g_lr,
                                     (args.beta1, args.beta2))
    dis_optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, dis_net.parameters()), args.d_lr,
                                     (args.beta1, args.beta2))
    gen_scheduler = LinearLrDecay(gen_optimizer, args.g_lr, 0.0, 0, args.max_iter * args.n_critic)
    dis_scheduler = LinearLrDecay(dis_optimizer, args.d_lr, 0.0, 0, args.max_iter * args.n_critic)
    dataset = ImageDataset(args, cur_img_size=8)
    train_loader = dataset.train
    gen_avg_param = [p.detach().cpu() for p in deepcopy(gen_net).parameters()]
    writer_dict = {'writer': make_writer(args), 'train_global_steps': 0}
    for epoch in range(args.max_epoch):
        train(args, gen_net, dis_net, gen_optimizer, dis_optimizer, gen_avg_param, train_loader, epoch, writer_dict,
              (gen_scheduler, dis_scheduler))


if __name__ == '__main__':
    main_worker(cfg.parse_args())
