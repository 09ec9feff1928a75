"""positive [LG001]: co-teaching+ turns both networks' logits into softmax probabilities and hands them to the co-teaching loss and to its own cross-entropy terms, which apply log-softmax again."""

# Source: xingruiyu/coteaching_plus@a68ed61 loss.py, main.py (re-typed, renamed, cut to the losses and the training step)
import numpy as np
import torch
import torch.nn.functional as F


def small_loss_exchange(scores_a, scores_b, labels, forget_rate):
    per_a = F.cross_entropy(scores_a, labels, reduction="none")  # expect: LG001
    order_a = np.argsort(per_a.cpu().data)
    per_b = F.cross_entropy(scores_b, labels, reduction="none")  # expect: LG001
    order_b = np.argsort(per_b.cpu().data)
    keep = max(int((1 - forget_rate) * len(order_a)), 1)
    keep_a, keep_b = order_a[:keep], order_b[:keep]
    loss_a = F.cross_entropy(scores_a[keep_b], labels[keep_b])  # expect: LG001
    loss_b = F.cross_entropy(scores_b[keep_a], labels[keep_a])  # expect: LG001
    return torch.sum(loss_a) / keep, torch.sum(loss_b) / keep


def disagreement_loss(logits_a, logits_b, labels, forget_rate, step):
    probs_a = F.softmax(logits_a, dim=1)
    probs_b = F.softmax(logits_b, dim=1)
    pred_a = torch.max(logits_a.data, 1)[1].cpu().numpy()
    pred_b = torch.max(logits_b.data, 1)[1].cpu().numpy()
    disagree = [i for i, p in enumerate(pred_a) if p != pred_b[i]]
    weights = torch.from_numpy(np.logical_or(pred_a != pred_b, step < 5000).astype(np.float32))
    if len(disagree) > 0:
        return small_loss_exchange(probs_a[disagree], probs_b[disagree], labels[disagree], forget_rate)
    loss_a = F.cross_entropy(probs_a, labels)  # expect: LG001
    loss_b = F.cross_entropy(probs_b, labels)  # expect: LG001
    return torch.sum(weights * loss_a) / labels.size(0), torch.sum(weights * loss_b) / labels.size(0)


def train(loader, net_a, opt_a, net_b, opt_b, forget_rates, epoch, init_epoch):
    net_a.train()
    net_b.train()
    for i, (images, labels) in enumerate(loader):
        logits_a = net_a(images)
        logits_b = net_b(images)
        if epoch < init_epoch:
            loss_a, loss_b = small_loss_exchange(logits_a, logits_b, labels, forget_rates[epoch])
        else:
            loss_a, loss_b = disagreement_loss(logits_a, logits_b, labels, forget_rates[epoch], epoch * i)
        opt_a.zero_grad()
        loss_a.backward()
        opt_a.step()
        opt_b.zero_grad()
        loss_b.backward()
        opt_b.step()
