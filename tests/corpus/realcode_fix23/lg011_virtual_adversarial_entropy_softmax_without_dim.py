"""positive [LG011]: a virtual adversarial training utility's conditional-entropy loss takes F.softmax and F.log_softmax of the unlabelled (batch, classes) logits without dim (the fix, titled "adding dimension to F.softmax and log_softmax", passes dim=1)."""

# Source: 9310gaurav/virtual-adversarial-training@8b10de49c3 utils.py, fixed in 95ed359c2f (cut, renamed)
import numpy as np
import torch
import torch.nn.functional as F
from torch.autograd import Variable


def kl_div_with_logit(q_logit, p_logit):
    q = F.softmax(q_logit, dim=1)
    logq = F.log_softmax(q_logit, dim=1)
    logp = F.log_softmax(p_logit, dim=1)
    qlogq = (q * logq).sum(dim=1).mean(dim=0)
    qlogp = (q * logp).sum(dim=1).mean(dim=0)
    return qlogq - qlogp


def _l2_normalize(d):
    d = d.numpy()
    d /= np.sqrt(np.sum(d**2, axis=(1, 2, 3))).reshape((-1, 1, 1, 1)) + 1e-16
    return torch.from_numpy(d)


def vat_loss(model, ul_x, ul_y, xi=1e-6, eps=2.5, num_iters=1):
    d = torch.Tensor(ul_x.size()).normal_()
    for i in range(num_iters):
        d = xi * _l2_normalize(d)
        d = Variable(d.cuda(), requires_grad=True)
        y_hat = model(ul_x + d)
        delta_kl = kl_div_with_logit(ul_y.detach(), y_hat)
        delta_kl.backward()
        d = d.grad.data.clone().cpu()
        model.zero_grad()
    d = _l2_normalize(d)
    d = Variable(d.cuda())
    r_adv = eps * d
    y_hat = model(ul_x + r_adv.detach())
    return kl_div_with_logit(ul_y.detach(), y_hat)


def entropy_loss(ul_y):
    p = F.softmax(ul_y)  # expect: LG011
    return (p * F.log_softmax(ul_y)).sum(dim=1).mean(dim=0)  # expect: LG011
