"""part of look-alike project [LG001, LG006, LG010, LG014]: training applies F.log_softmax to the decoder output before the criterion, clears gradients once per accumulation group, adds loss.item() per sample and steps through the AMP scaler; validation keeps each loss tensor in a list but under torch.no_grad()."""
# Source: lordleeber/ML2022-Spring-pytorch@717528b6ead7786e483cd7b66783db38b93fec53 HW05/train.py (read as is; re-typed, identifiers renamed, cut at function boundaries: data loading, BLEU scoring, checkpoints and the model definitions left out)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import tqdm.auto as tqdm
from fairseq import utils
from fairseq.data import iterators
from torch.cuda.amp import GradScaler, autocast

from hw5_config import *
from labelsmooth_cross_entropy_criterion import LabelSmoothedCrossEntropyCriterion

device = torch.device("cuda")


def train_one_epoch(epoch_itr, model, task, criterion, optimizer, accum_steps=1):
    itr = epoch_itr.next_epoch_itr(shuffle=True)
    itr = iterators.GroupedIterator(itr, accum_steps)
    stats = {"loss": []}
    scaler = GradScaler()
    model.train()
    progress = tqdm.tqdm(itr, desc=f"train epoch {epoch_itr.epoch}", leave=False)
    for samples in progress:
        model.zero_grad()
        accum_loss = 0
        sample_size = 0
        for i, sample in enumerate(samples):
            if i == 1:
                torch.cuda.empty_cache()
            sample = utils.move_to_cuda(sample, device=device)
            target = sample["target"]
            sample_size += sample["ntokens"]
            with autocast():
                out = model.forward(**sample["net_input"])
                lprobs = F.log_softmax(out[0], -1)
                loss = criterion(lprobs.view(-1, lprobs.size(-1)), target.view(-1))
                accum_loss += loss.item()
                scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        optimizer.multiply_grads(1 / (sample_size or 1.0))
        gnorm = nn.utils.clip_grad_norm_(model.parameters(), config.clip_norm)
        scaler.step(optimizer)
        scaler.update()
        shown = accum_loss / sample_size
        stats["loss"].append(shown)
        progress.set_postfix(loss=shown)
    return stats


def validate(model, task, criterion, itr):
    stats = {"loss": []}
    model.eval()
    progress = tqdm.tqdm(itr, desc="validation", leave=False)
    with torch.no_grad():
        for i, sample in enumerate(progress):
            sample = utils.move_to_cuda(sample, device=device)
            out = model.forward(**sample["net_input"])
            lprobs = F.log_softmax(out[0], -1)
            target = sample["target"]
            loss = criterion(lprobs.view(-1, lprobs.size(-1)), target.view(-1)) / sample["ntokens"]
            progress.set_postfix(valid_loss=loss.item())
            stats["loss"].append(loss)
    stats["loss"] = torch.stack(stats["loss"]).mean().item()
    return stats


def main(model, task, optimizer, epoch_itr, valid_itr):
    criterion = LabelSmoothedCrossEntropyCriterion(
        smoothing=0.1,
        ignore_index=task.target_dictionary.pad(),
    )
    criterion = criterion.to(device=device)
    while epoch_itr.next_epoch_idx <= config.max_epoch:
        train_one_epoch(epoch_itr, model, task, criterion, optimizer, config.accum_steps)
        validate(model, task, criterion, valid_itr)
