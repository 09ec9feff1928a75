"""part of look-alike project [LG006, LG001, LG011, LG014]: the book's helper module; run_epoch calls the loss function it is given, steps, then clears the gradients, and keeps loss.item() per batch; ApplyAttention softmaxes the attention scores over time."""
# Source: EdwardRaff/Inside-Deep-Learning at bc4dccf1 (read as is), idlmam.py; re-typed, identifiers renamed; the
# docstrings, the checkpointing and learning-rate-schedule branches of train_network, the other attention scores and
# the dataset helpers cut.
import time

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm.autonotebook import tqdm


def set_seed(seed):
    torch.manual_seed(seed)
    np.random.seed(seed)


def move_to(obj, device):
    if hasattr(obj, "to"):
        return obj.to(device)
    elif isinstance(obj, list):
        return [move_to(x, device) for x in obj]
    elif isinstance(obj, tuple):
        return tuple(move_to(list(obj), device))
    elif isinstance(obj, dict):
        return {move_to(k, device): move_to(v, device) for k, v in obj.items()}
    else:
        return obj


def run_epoch(model, optimizer, loader, loss_func, device, results, score_funcs, prefix="", desc=None):
    batch_losses = []
    y_true = []
    y_pred = []
    start = time.time()
    for inputs, labels in tqdm(loader, desc=desc, leave=False):
        inputs = move_to(inputs, device)
        labels = move_to(labels, device)
        y_hat = model(inputs)
        loss = loss_func(y_hat, labels)
        if model.training:
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        batch_losses.append(loss.item())
        if len(score_funcs) > 0 and isinstance(labels, torch.Tensor):
            y_true.extend(labels.detach().cpu().numpy().tolist())
            y_pred.extend(y_hat.detach().cpu().numpy().tolist())
    end = time.time()
    y_pred = np.asarray(y_pred)
    if len(y_pred.shape) == 2 and y_pred.shape[1] > 1:
        y_pred = np.argmax(y_pred, axis=1)
    results[prefix + " loss"].append(np.mean(batch_losses))
    for name, fn in score_funcs.items():
        try:
            results[prefix + " " + name].append(fn(y_true, y_pred))
        except Exception:
            results[prefix + " " + name].append(float("NaN"))
    return end - start


def train_network(model, loss_func, train_loader, val_loader=None, test_loader=None, score_funcs=None,
                  epochs=50, device="cpu", optimizer=None):
    if score_funcs is None:
        score_funcs = {}
    tracked = ["epoch", "total time", "train loss"]
    if val_loader is not None:
        tracked.append("val loss")
    if test_loader is not None:
        tracked.append("test loss")
    for name in score_funcs:
        tracked.append("train " + name)
        if val_loader is not None:
            tracked.append("val " + name)
        if test_loader is not None:
            tracked.append("test " + name)
    train_time = 0
    results = {k: [] for k in tracked}
    if optimizer is None:
        optimizer = torch.optim.AdamW(model.parameters())
    model.to(device)
    for epoch in tqdm(range(epochs), desc="Epoch"):
        model = model.train()
        train_time += run_epoch(model, optimizer, train_loader, loss_func, device, results, score_funcs,
                                prefix="train", desc="Training")
        results["epoch"].append(epoch)
        results["total time"].append(train_time)
        if val_loader is not None:
            model = model.eval()
            with torch.no_grad():
                run_epoch(model, optimizer, val_loader, loss_func, device, results, score_funcs,
                          prefix="val", desc="Validating")
        if test_loader is not None:
            model = model.eval()
            with torch.no_grad():
                run_epoch(model, optimizer, test_loader, loss_func, device, results, score_funcs,
                          prefix="test", desc="Testing")
    return pd.DataFrame.from_dict(results)


class ApplyAttention(nn.Module):
    def __init__(self):
        super(ApplyAttention, self).__init__()

    def forward(self, states, scores, mask=None):
        if mask is not None:
            scores[~mask] = -1000.0
        weights = F.softmax(scores, dim=1)
        context = (states * weights).sum(dim=1)
        return context, weights


class DotScore(nn.Module):
    def __init__(self, D):
        super(DotScore, self).__init__()

    def forward(self, states, context):
        D = states.size(2)
        return torch.bmm(states, context.unsqueeze(2)) / np.sqrt(D)


def mask_by_fill(x, time_dimension=1, fill=0):
    to_sum_over = list(range(1, len(x.shape)))
    if time_dimension in to_sum_over:
        to_sum_over.remove(time_dimension)
    with torch.no_grad():
        if len(to_sum_over) == 0:
            return (x != fill)
        mask = torch.sum((x != fill), dim=to_sum_over) > 0
    return mask
