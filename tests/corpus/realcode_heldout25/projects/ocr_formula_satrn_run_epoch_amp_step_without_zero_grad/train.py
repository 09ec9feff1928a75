"""part of positive project [LG014]: run_epoch back-propagates each batch (through a GradScaler when fp16 is on), clips and steps the optimizer (scaler.step(optimizer) or optimizer.step()) and the scheduler, but nothing in the file ever calls zero_grad: every step applies the sum of all earlier gradients; per-batch losses are kept as loss.item()."""
# Source: pstage-ocr-team6/ocr-teamcode at 0cceb950 (the parent of 29a73a47 "Fix zero grad omission.", merged in PR #26 for issue #24), train.py; re-typed, identifiers renamed; wandb and tensorboard logging, checkpoint resume,
# the word-error and sentence-accuracy bookkeeping and the best-score tracking shortened.
import os

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.cuda.amp import GradScaler, autocast
from torchvision import transforms
from tqdm import tqdm

from dataset import PAD, dataset_loader
from flags import Flags
from scheduler import CircularLRBeta
from utils import get_network, get_optimizer


def run_epoch(data_loader, model, epoch_text, criterion, optimizer, lr_scheduler, teacher_forcing_ratio,
              max_grad_norm, device, scaler=None, train=True):
    torch.set_grad_enabled(train)
    if train:
        model.train()
    else:
        model.eval()

    def _infer(input, expected):
        output = model(input, expected, train, teacher_forcing_ratio)
        scores = output.transpose(1, 2)
        _, sequence = torch.topk(scores, 1, dim=1)
        sequence = sequence.squeeze(1)
        loss = criterion(scores, expected[:, 1:])
        return loss, sequence

    losses = []
    grad_norms = []
    correct, total = 0, 0
    with tqdm(desc=epoch_text, total=len(data_loader.dataset), dynamic_ncols=True, leave=False) as pbar:
        for d in data_loader:
            input = d["image"].to(device)
            expected = d["truth"]["encoded"].to(device)
            expected[expected == -1] = data_loader.dataset.token_to_id[PAD]

            if scaler is not None:
                with autocast():
                    loss, sequence = _infer(input, expected)
            else:
                loss, sequence = _infer(input, expected)

            if train:
                params = [p for group in optimizer.param_groups for p in group["params"]]
                if scaler is not None:
                    scaler.scale(loss).backward()
                    scaler.unscale_(optimizer)
                    grad_norm = nn.utils.clip_grad_norm_(params, max_norm=max_grad_norm)
                    grad_norms.append(grad_norm)
                    scaler.step(optimizer)  # expect: LG014
                    scaler.update()
                else:
                    loss.backward()
                    grad_norm = nn.utils.clip_grad_norm_(params, max_norm=max_grad_norm)
                    grad_norms.append(grad_norm)
                    optimizer.step()  # expect: LG014
                lr_scheduler.step()

            losses.append(loss.item())
            expected[expected == data_loader.dataset.token_to_id[PAD]] = -1
            correct += torch.sum(sequence == expected[:, 1:], dim=(0, 1)).item()
            total += torch.sum(expected[:, 1:] != -1, dim=(0, 1)).item()
            pbar.update(len(input))

    result = {"loss": np.mean(losses), "correct_symbols": correct, "total_symbols": total}
    if train:
        result["grad_norm"] = np.mean([t.cpu() for t in grad_norms])
    return result


def main(config_file, on_cpu):
    options = Flags(config_file).get()
    device = torch.device("cuda" if torch.cuda.is_available() and not on_cpu else "cpu")
    tf = transforms.Compose([transforms.Resize((options.input_size.height, options.input_size.width)),
                             transforms.ToTensor()])
    train_loader, valid_loader, train_set, valid_set = dataset_loader(options, tf)
    model = get_network(options.network, options, None, device, train_set)
    criterion = model.criterion.to(device)
    params = [p for p in model.encoder.parameters() if p.requires_grad] + \
             [p for p in model.decoder.parameters() if p.requires_grad]
    optimizer = get_optimizer(options.optimizer.optimizer, params, lr=options.optimizer.lr,
                              weight_decay=options.optimizer.weight_decay)
    for group in optimizer.param_groups:
        group["initial_lr"] = options.optimizer.lr
    if options.optimizer.is_cycle:
        cycle = len(train_loader) * options.num_epochs
        lr_scheduler = CircularLRBeta(optimizer, options.optimizer.lr, 10, 10, cycle, [0.95, 0.85])
    else:
        lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=options.optimizer.lr_epochs,
                                                 gamma=options.optimizer.lr_factor)
    scaler = GradScaler() if options.fp16 and not on_cpu else None
    os.makedirs(options.prefix, exist_ok=True)
    for epoch in range(options.num_epochs):
        text = "Epoch {}".format(epoch + 1)
        train_result = run_epoch(train_loader, model, text, criterion, optimizer, lr_scheduler,
                                 options.teacher_forcing_ratio, options.max_grad_norm, device, scaler=scaler,
                                 train=True)
        valid_result = run_epoch(valid_loader, model, text, criterion, optimizer, lr_scheduler,
                                 options.teacher_forcing_ratio, options.max_grad_norm, device, scaler=scaler,
                                 train=False)
        print(text, train_result["loss"], valid_result["loss"])
