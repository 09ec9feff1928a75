"""part of positive project [LG015]: the recognition training script picks the model by name from doctr.models.recognition and back-propagates model(images, targets)['loss'], which SAR's compute_loss returns per sample as an (N, 1) tensor (cross entropy with reduction='none', summed over time only)."""
# Source: https://github.com/mindee/doctr references/recognition/train_pytorch.py at 7e83e50808e4a520fc4fa3bdea3a2831bfcbdc06, the parent of fe602cbb091dd216431d5fce98640cbeef1f1eca
# (pull request #379 "fix: Torch loss dimension": "grad can be implicitly created only for scalar outputs"); re-typed,
# names changed, reduced (data sets and batch transforms reduced to one call, wandb and evaluation left out).
import numpy as np
import torch
from fastprogress.fastprogress import master_bar, progress_bar

from doctr.datasets import VOCABS
from doctr.models import recognition


def fit_one_epoch(model, train_loader, batch_transforms, optimizer, mb):
    model.train()
    train_iter = iter(train_loader)
    for _ in progress_bar(range(len(train_loader)), parent=mb):
        images, targets = next(train_iter)
        images = batch_transforms(images)
        train_loss = model(images, targets)["loss"]
        optimizer.zero_grad()
        train_loss.backward()  # expect: LG015
        optimizer.step()
        mb.child.comment = f"Training loss: {train_loss.item():.6}"


def main(args):
    model = recognition.__dict__[args.model](pretrained=args.pretrained, vocab=VOCABS["french"])
    train_loader, batch_transforms = build_train_loader(args)
    model_params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.Adam(model_params, args.lr, betas=(0.95, 0.99), eps=1e-6, weight_decay=args.weight_decay)
    mb = master_bar(range(args.epochs))
    min_loss = np.inf
    for epoch in mb:
        fit_one_epoch(model, train_loader, batch_transforms, optimizer, mb)
        torch.save(model.state_dict(), f"./{args.model}.pt")
