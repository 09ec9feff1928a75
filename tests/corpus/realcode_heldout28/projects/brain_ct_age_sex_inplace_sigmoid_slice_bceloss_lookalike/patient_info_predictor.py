"""part of look-alike project [LG002, LG016]: the age / sex predictor splits the model's two outputs by column, L1 on the age column and nn.BCELoss(reduction='sum') on the sex column, which the model has already passed through a sigmoid."""
# Source: tobeor3009/CNN_total_Pytorch at e92428ed, src/model/for_study/sj/patient_info_predictor.py (read as is);
# re-typed, identifiers renamed; the dataset class, distributed setup, transforms, TensorBoard logging, checkpoints
# and the unused loss_fn module cut (get_rank, data_sampler, random_aug_g, AxialScan as in the source's modules).
import argparse

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from tqdm.auto import tqdm

from custom.utils import *
from custom.torch_utils import *
from custom.augmentations import *
from distributed import get_rank

device = "cuda" if torch.cuda.is_available() else "cpu"


def build_model(args):
    from model import SliceTransformerClassifier
    model = SliceTransformerClassifier(size=args.size, latent_model="transformer",
                                       n_latent_layer=args.n_latent_layer, label_dim=args.label_dim)
    return model.to(device), args


def train(args):
    model, args = build_model(args)
    optim = torch.optim.Adam(model.parameters(), lr=args.lr)
    ckpt = {}
    if args.ckpt:
        ckpt = torch.load(args.ckpt, map_location=lambda storage, loc: storage)
        model.load_state_dict(ckpt["model_state_dict"])
        optim.load_state_dict(ckpt["optimizer_state_dict"])

    phases = ["train", "valid"]
    datasets = {phase: AxialScan(split=phase, label_dim=args.label_dim, transform=None) for phase in phases}
    loaders = {phase: DataLoader(datasets[phase], batch_size=args.batch_size, num_workers=0,
                                 sampler=data_sampler(datasets[phase], shuffle=True, distributed=False),
                                 drop_last=True, pin_memory=True) for phase in phases}

    age_criterion = nn.L1Loss(reduction='sum')
    sex_criterion = nn.BCELoss(reduction='sum')

    first_epoch = ckpt["epoch"] + 1 if "epoch" in ckpt else 0
    history = ckpt["losses"] if "losses" in ckpt else {}
    for epoch in range(first_epoch, args.epochs):
        history[epoch] = {}
        for phase in phases:
            if phase == "train":
                model.train()
            else:
                model.eval()
            seen = 0
            loss = age_loss = sex_loss = torch.tensor([0.], device=device)
            history[epoch][phase] = {"age": [], "sex": []}
            bar = tqdm(enumerate(loaders[phase]), dynamic_ncols=True, smoothing=0.01)
            for step, (scan, label) in bar:
                scan = scan.to(device)
                label = label.to(device)
                seen += scan.size(0)
                with torch.set_grad_enabled(phase == "train"):
                    pred = model(random_aug_g(scan) if phase == "train" else scan)
                    age, sex = label[:, 0], label[:, 1]
                    pred_age, pred_sex = pred[:, 0], pred[:, 1]
                    age_loss = age_criterion(pred_age, age)
                    sex_loss = sex_criterion(pred_sex, sex)
                    loss = age_loss + sex_loss
                    if phase == "train":
                        optim.zero_grad()
                        loss.backward()
                        optim.step()
                if get_rank() == 0:
                    history[epoch][phase]["age"].append(age_loss.item())
                    history[epoch][phase]["sex"].append(sex_loss.item())
                    running_age = np.array(history[epoch][phase]["age"])[-1000:].mean()
                    running_sex = np.array(history[epoch][phase]["sex"])[-1000:].mean()
                    bar.set_description(f"{phase} age {running_age:.3f} sex {running_sex:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--n_latent_layer", type=int, default=6)
    parser.add_argument("--label_dim", type=int, default=2)
    parser.add_argument("--batch_size", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--ckpt", type=str, default=None)
    train(parser.parse_args())
