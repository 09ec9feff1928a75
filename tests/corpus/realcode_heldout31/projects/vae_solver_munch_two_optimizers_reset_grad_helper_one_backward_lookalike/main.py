"""part of look-alike project [LG006, LG014, LG017, LG018]: builds the solver and calls its train(loaders) with a Munch of loaders."""
# Source: sehyeona/VAE-pytorch at a970286f1d9e76f9b958ff89365d7c3294206a30 main.py (the argument parser shortened to the settings the solver reads)
import os
import argparse

from munch import Munch
from torch.backends import cudnn
import torch

from core.dataloader import get_train_loader
from core.solver import VAE


def main(args):
    cudnn.benchmark = True
    torch.manual_seed(args.seed)

    vae = VAE(args)

    if args.mode == 'train':
        loaders = Munch(src=get_train_loader(root=args.train_img_dir, which='train', img_size=args.img_size,
                                             batch_size=args.batch_size, prob=args.randcrop_prob,
                                             num_workers=args.num_workers))
        vae.train(loaders)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--mode', type=str, default='train')
    parser.add_argument('--seed', type=int, default=777)
    parser.add_argument('--img_size', type=int, default=256)
    parser.add_argument('--batch_size', type=int, default=8)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--beta1', type=float, default=0.0)
    parser.add_argument('--beta2', type=float, default=0.99)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--recon_weight', type=float, default=1.0)
    parser.add_argument('--total_iters', type=int, default=100000)
    parser.add_argument('--resume_iter', type=int, default=0)
    parser.add_argument('--print_every', type=int, default=10)
    parser.add_argument('--save_every', type=int, default=10000)
    parser.add_argument('--checkpoint_dir', type=str, default='expr/checkpoints')
    parser.add_argument('--train_img_dir', type=str, default='data/train')
    parser.add_argument('--randcrop_prob', type=float, default=0.5)
    parser.add_argument('--num_workers', type=int, default=4)
    parser.add_argument('--encoder_channel_in', type=int, default=32)
    parser.add_argument('--decoder_channel_in', type=int, default=256)
    parser.add_argument('--target_size', type=int, default=8)
    parser.add_argument('--start_size', type=int, default=8)
    parser.add_argument('--max_channel', type=int, default=256)
    parser.add_argument('--min_channel', type=int, default=16)
    parser.add_argument('--latent_dim', type=int, default=64)
    main(parser.parse_args())
