"""look-alike [LG003]: a coreference scorer's first training stage passes the raw pair scores to `nn.BCEWithLogitsLoss`, while its second stage takes `torch.sigmoid(scores)` (clamped) and writes the log-likelihood of the best true and best false antecedent by hand: the sigmoid never reaches the loss that applies one itself."""

# Source: huggingface/neuralcoref@60338df neuralcoref/train/learn.py (re-typed, renamed, cut to the stage losses and the epoch loop)
import torch
import torch.nn as nn


def clamped_sigmoid(inputs):
    eps = 1.0e-7
    return torch.sigmoid(inputs).clamp(eps, 1.0 - eps)


def make_all_pairs_loss(n):
    def all_pairs_loss(scores, targets):
        labels = targets[0]
        weights = targets[4].data if len(targets) == 5 else None
        loss_op = nn.BCEWithLogitsLoss(weight=weights, reduction="sum")
        loss = loss_op(scores, labels)
        return loss / n

    return all_pairs_loss


def make_top_pair_loss(n):
    def top_pair_loss(scores, targets):
        true_ants = targets[2]
        false_ants = targets[3] if len(targets) == 5 else None
        probs = clamped_sigmoid(scores)
        true_pairs = torch.gather(probs, 1, true_ants)
        top_true, _ = torch.log(true_pairs).max(dim=1)
        out = torch.sum(top_true).neg()
        if false_ants is not None:
            false_pairs = torch.gather(probs, 1, false_ants)
            top_false, _ = torch.log(1 - false_pairs).min(dim=1)
            out = out + torch.sum(top_false).neg()
        return out / n

    return top_pair_loss


def run_epochs(model, batches, loss_func, optimizer, epochs):
    for _ in range(epochs):
        for inputs, targets in batches:
            scores = model(inputs)
            loss = loss_func(scores, targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


def train_stages(model, batches, pairs_per_batch, mentions_per_batch, lr=1e-4):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=lr)
    run_epochs(model, batches, make_all_pairs_loss(pairs_per_batch), optimizer, 2)
    run_epochs(model, batches, make_top_pair_loss(10 * mentions_per_batch), optimizer, 2)
