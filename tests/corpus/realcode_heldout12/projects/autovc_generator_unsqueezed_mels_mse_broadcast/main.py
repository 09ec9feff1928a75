"""part of positive project [LG005]: builds the loader and the solver from command-line arguments and trains."""
# Source: auspicious3000/autovc@c1827a60e83e6d26030b8953843b2f7cf2bd36db main.py (read as is; re-typed, identifiers renamed, some arguments left out)
import argparse

from torch.backends import cudnn

from data_loader import get_loader
from solver_encoder import Solver


def main(config):
    cudnn.benchmark = True
    loader = get_loader(config.data_dir, config.batch_size, config.len_crop)
    solver = Solver(loader, config)
    solver.train()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--lambda_cd', type=float, default=1)
    parser.add_argument('--dim_neck', type=int, default=16)
    parser.add_argument('--dim_emb', type=int, default=256)
    parser.add_argument('--dim_pre', type=int, default=512)
    parser.add_argument('--freq', type=int, default=16)
    parser.add_argument('--data_dir', type=str, default='./spmel')
    parser.add_argument('--batch_size', type=int, default=2)
    parser.add_argument('--num_iters', type=int, default=1000000)
    parser.add_argument('--len_crop', type=int, default=128)
    parser.add_argument('--log_step', type=int, default=10)
    main(parser.parse_args())
