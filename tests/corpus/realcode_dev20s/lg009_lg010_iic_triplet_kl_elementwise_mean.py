"""positive [LG009, LG010]: a triplet loss of two F.kl_div terms with reduction="elementwise_mean": the old spelling of "mean" (deprecated), which divides by every element instead of the batch size."""

# Source: xu-ji/IIC@b7602b7 code/utils/cluster/baselines/triplets.py (re-typed, renamed, cut to the loss and its loop)
import torch
import torch.nn.functional as F


def triplet_kl(outs_anchor, outs_pos, outs_neg):
    anchor = F.log_softmax(outs_anchor, dim=1)
    pos = F.softmax(outs_pos, dim=1)
    neg = F.softmax(outs_neg, dim=1)
    pos_term = F.kl_div(anchor, pos, reduction="elementwise_mean")  # expect: LG009, LG010
    neg_term = F.kl_div(anchor, neg, reduction="elementwise_mean")  # expect: LG009, LG010
    return pos_term - neg_term


def train_epoch(net, loader, optimizer):
    total = 0.0
    for imgs_anchor, imgs_pos, imgs_neg in loader:
        net.zero_grad()
        loss = triplet_kl(net(imgs_anchor), net(imgs_pos), net(imgs_neg))
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total
