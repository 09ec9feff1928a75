"""part of positive project [LG004, LG010]: the training script feeds dataset batches to the model wrapper; --loss_mode defaults to focal."""
# Source: yhlleo/DeepSegmentor at the parent of aeb1281 (pull request #7 "Fixed error of data type mismatch in loss function",
# which adds self.label = self.label.float()), train.py and options/base_options.py; re-typed, identifiers renamed;
# visualiser, scheduler and checkpoint code cut.
import argparse

import torch

from data.crack_dataset import CrackDataset
from models.crack_model import CrackModel

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--loss_mode", type=str, default="focal", help="[bce | focal]")
    parser.add_argument("--lambda_side", type=float, default=1.0)
    parser.add_argument("--lambda_fused", type=float, default=1.0)
    parser.add_argument("--niter", type=int, default=400)
    opt = parse_remaining_options(parser)
    dataset = torch.utils.data.DataLoader(CrackDataset(opt), batch_size=opt.batch_size, shuffle=True)
    model = CrackModel(opt, torch.device("cuda:0" if opt.gpu_ids else "cpu"))
    for epoch in range(opt.niter):
        for data in dataset:
            model.set_input(data)
            model.optimize_parameters(epoch)
