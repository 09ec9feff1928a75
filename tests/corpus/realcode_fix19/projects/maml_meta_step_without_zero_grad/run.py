"""part of positive project [LG014]: the entry point builds the row-following model and its task sampler and runs the MAML outer loop of the sibling module."""

# Source: thomas-woehrle/maml_tryout@492d6c1f59 rowfollow_maml.py, fixed in 87acfc0dd7 (cut, renamed)
import torch

from maml import maml_learn
from models import RowfollowModel
from tasks import RowfollowTaskSampler


def main(args):
    model = RowfollowModel()
    model.to(torch.device(args.device))
    sampler = RowfollowTaskSampler(args.data_path, args.k, args.device, seed=args.seed)
    maml_learn(args.anil, args.num_episodes, args.meta_batch_size, args.inner_gradient_steps, args.alpha, args.beta,
               sampler, model, lambda *a: None)
