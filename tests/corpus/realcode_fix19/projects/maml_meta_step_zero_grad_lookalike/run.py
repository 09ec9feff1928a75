"""part of look-alike project [LG014]: the entry point, as at the fix commit."""

# Source: thomas-woehrle/maml_tryout@87acfc0dd7 rowfollow_maml.py (the fix commit; cut, renamed)
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
