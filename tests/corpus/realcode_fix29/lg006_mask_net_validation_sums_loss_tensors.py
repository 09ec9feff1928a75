"""positive [LG006]: a source-separation mask network's validation pass runs outside `torch.no_grad()` and adds each batch's loss tensor to `val_loss = torch.tensor(0.0)`: every validation batch's graph stays reachable from the total until the epoch ends (the next commit starts `val_loss = 0.0` and adds `loss.item()`; that commit also carries unresolved merge markers, so no look-alike is cut from it)."""

# Source: thatcherfreeman/CS230-FinalProject@91a98bf6e6 src/train.py, fixed in 3ed1e35d6e ("Reads training data from arg directory, generates masks, trains net") (cut, renamed)
import argparse
import os

import model_utils
import torch
from torch import nn, optim
from torch.utils import data
from torch.utils.tensorboard import SummaryWriter
from tqdm import tqdm


def train_model(train_dl: data.DataLoader, dev_dl: data.DataLoader, model: nn.Module, optimizer: optim.Optimizer, args: argparse.Namespace) -> nn.Module:
    device = model_utils.get_device()
    loss_fn = nn.functional.binary_cross_entropy
    best_val = torch.tensor(float("inf"))
    writer = SummaryWriter(log_dir=f"{args.log_dir}/{args.experiment}")
    for e in range(1, args.train_epochs + 1):
        with tqdm(total=args.train_batch_size * len(train_dl)) as bar:
            model.train()
            for i, (x_batch, y_batch) in enumerate(train_dl):
                x_batch = x_batch.to(device)
                y_batch = y_batch.to(device)
                optimizer.zero_grad()
                y_pred = model(x_batch)
                loss = loss_fn(y_pred, y_batch)
                loss.backward()
                optimizer.step()
                bar.update(len(x_batch))
                bar.set_postfix(loss=loss.item())
                writer.add_scalar("Loss/train", loss, e * len(train_dl) + i)
        with tqdm(total=args.val_batch_size * len(dev_dl)) as bar:
            model.eval()
            val_loss = torch.tensor(0.0).to(device)
            seen = 0
            for i, (x_batch, y_batch) in enumerate(dev_dl):
                x_batch = x_batch.to(device)
                y_batch = y_batch.to(device)
                y_pred = model(x_batch)
                loss = loss_fn(y_pred, y_batch)
                val_loss += loss  # expect: LG006
                seen += 1
                bar.update(len(x_batch))
                bar.set_postfix(val_loss=val_loss.item() / seen)
            if val_loss / seen < best_val:
                best_val = val_loss / seen
                model_utils.save_model(model, os.path.join(args.save_path, args.experiment, "best_val.checkpoint"))
    return model
