"""positive [LG001]: a course's "bug forensics" exercise file (each function carries one planted bug for students to diagnose): sequence_loss documents raw logits for F.cross_entropy, then applies torch.softmax(logits, dim=-1) and passes the probabilities to F.cross_entropy."""
# Source: yue-jiang/pytorch-tutorial at e2fba8e3, skeletons/day10_exercise.py; re-typed, identifiers renamed; four of
# the six exercise functions (causal mask, head merge, row standardisation, in-place SGD update) cut, the hand-written
# softmax and the loss kept.
import torch
import torch.nn.functional as F


def stable_softmax(x: torch.Tensor) -> torch.Tensor:
    """Softmax over the last dimension; must survive rows like [10000, 9999]."""
    e = torch.exp(x)
    return e / e.sum(dim=-1, keepdim=True)


def sequence_loss(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy for (N, C) raw scores and (N,) class indices."""
    probs = torch.softmax(scores, dim=-1)
    return F.cross_entropy(probs, labels)  # expect: LG001
