"""look-alike [LG007, LG002, LG004]: the graph benchmark's weighted cross-entropy takes `F.log_softmax(pred, dim=-1)` before `F.nll_loss` for several classes, and for one output gives the raw scores to `binary_cross_entropy_with_logits` with `true.float()`."""

# Source: rampasek/GraphGPS@2801570 graphgps/loss/weighted_cross_entropy.py (re-typed, renamed, cut to the function)
import torch
import torch.nn.functional as F


def weighted_cross_entropy(pred, true):
    n = true.size(0)
    n_classes = pred.shape[1] if pred.ndim > 1 else 2
    counts = torch.bincount(true)
    counts = counts[counts.nonzero(as_tuple=True)].squeeze()
    sizes = torch.zeros(n_classes, device=pred.device).long()
    sizes[torch.unique(true)] = counts
    weight = (n - sizes).float() / n
    weight *= (sizes > 0).float()
    if pred.ndim > 1:
        pred = F.log_softmax(pred, dim=-1)
        return F.nll_loss(pred, true, weight=weight), pred
    loss = F.binary_cross_entropy_with_logits(pred, true.float(), weight=weight[true])
    return loss, torch.sigmoid(pred)


def train_step(model, batch, optimizer):
    pred, true = model(batch)
    loss, score = weighted_cross_entropy(pred, true)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.detach().item(), score.detach()
