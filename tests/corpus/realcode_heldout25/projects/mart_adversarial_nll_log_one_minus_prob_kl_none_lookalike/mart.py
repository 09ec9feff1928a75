"""part of look-alike project [LG001, LG007, LG008, LG009, LG014]: the MART robust loss: F.cross_entropy on the adversarial logits, F.nll_loss on torch.log(1.0001 - softmax) (a log-probability of "not the class", built on purpose), and nn.KLDivLoss(reduction='none') of torch.log(adv_probs + 1e-12) against the natural softmax, summed over classes and divided by the batch size by hand."""
# Source: YisenWang/MART at 2d83e17b (read as is; the ICLR 2020 paper's code), mart.py; re-typed, identifiers renamed;
# the l2 branch of the attack cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


def robust_loss(model, x_clean, y, optimizer, step_size=0.007, epsilon=0.031, perturb_steps=10, beta=6.0,
                distance='l_inf'):
    kl = nn.KLDivLoss(reduction='none')
    model.eval()
    n = len(x_clean)
    x_adv = x_clean.detach() + 0.001 * torch.randn(x_clean.shape).cuda().detach()
    if distance == 'l_inf':
        for _ in range(perturb_steps):
            x_adv.requires_grad_()
            with torch.enable_grad():
                attack_loss = F.cross_entropy(model(x_adv), y)
            grad = torch.autograd.grad(attack_loss, [x_adv])[0]
            x_adv = x_adv.detach() + step_size * torch.sign(grad.detach())
            x_adv = torch.min(torch.max(x_adv, x_clean - epsilon), x_clean + epsilon)
            x_adv = torch.clamp(x_adv, 0.0, 1.0)
    else:
        x_adv = torch.clamp(x_adv, 0.0, 1.0)
    model.train()

    x_adv = Variable(torch.clamp(x_adv, 0.0, 1.0), requires_grad=False)
    optimizer.zero_grad()

    out_clean = model(x_clean)
    out_adv = model(x_adv)

    p_adv = F.softmax(out_adv, dim=1)
    top2 = torch.argsort(p_adv, dim=1)[:, -2:]
    y_wrong = torch.where(top2[:, -1] == y, top2[:, -2], top2[:, -1])

    loss_adv = F.cross_entropy(out_adv, y) + F.nll_loss(torch.log(1.0001 - p_adv + 1e-12), y_wrong)

    p_clean = F.softmax(out_clean, dim=1)
    p_true = torch.gather(p_clean, 1, (y.unsqueeze(1)).long()).squeeze()

    loss_rob = (1.0 / n) * torch.sum(
        torch.sum(kl(torch.log(p_adv + 1e-12), p_clean), dim=1) * (1.0000001 - p_true))
    loss = loss_adv + float(beta) * loss_rob
    return loss
