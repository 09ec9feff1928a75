"""part of positive project [LG016]: the permutation-invariant speaker loss applies torch.sigmoid to each utterance's speaker logits and passes them to F.binary_cross_entropy, both for the assignment cost (under no_grad) and for the loss itself."""
# Source: modelscope/FunASR at 3c58cb56 (read as is), funasr/models/eend/utils/losses.py; re-typed, identifiers renamed;
# docstrings cut.
import numpy as np
import torch
import torch.nn.functional as F
from scipy.optimize import linear_sum_assignment


def standard_loss(ys, ts):
    losses = [F.binary_cross_entropy(torch.sigmoid(y), t) * len(y) for y, t in zip(ys, ts)]  # expect: LG016
    loss = torch.sum(torch.stack(losses))
    n_frames = torch.from_numpy(np.array(np.sum([t.shape[0] for t in ts]))).to(torch.float32).to(ys[0].device)
    return loss / n_frames


def fast_batch_pit_n_speaker_loss(ys, ts):
    with torch.no_grad():
        indices = []
        for b in range(len(ys)):
            y = ys[b].transpose(0, 1)
            t = ts[b].transpose(0, 1)
            C, _ = t.shape
            y = y[:, None, :].repeat(1, C, 1)
            t = t[None, :, :].repeat(C, 1, 1)
            cost = F.binary_cross_entropy(torch.sigmoid(y), t, reduction="none").mean(-1)  # expect: LG016
            indices.append(linear_sum_assignment(cost.cpu()))
    return [t[:, idx[1]] for t, idx in zip(ts, indices)]


def cal_power_loss(logits, power_ts):
    losses = [
        F.cross_entropy(input=logit, target=power_t.to(torch.long)) * len(logit)
        for logit, power_t in zip(logits, power_ts)
    ]
    loss = torch.sum(torch.stack(losses))
    n_frames = torch.from_numpy(np.array(np.sum([p.shape[0] for p in power_ts]))).to(torch.float32).to(power_ts[0].device)
    return loss / n_frames
