"""part of positive project [LG001]: CAFA's out-of-distribution score perturbs the input along the gradient of F.cross_entropy taken on softmax probabilities divided by a temperature; the training step scores the sigmoid discriminators with nn.BCELoss and the classifier logits with the library's cross-entropy."""
# Source: YGZWQZD/LAMDA-SSL at 6cb8e225 (read as is), LAMDA_SSL/Algorithm/Classification/CAFA.py; re-typed, identifiers
# renamed; the constructor's parameter list, the mixed-feature discriminator term, pseudo-label calibration, the
# optimizer/scheduler set-up and prediction cut.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from LAMDA_SSL.Base.DeepModelMixin import DeepModelMixin
from LAMDA_SSL.Base.InductiveEstimator import InductiveEstimator
from LAMDA_SSL.Loss.Cross_Entropy import Cross_Entropy
from LAMDA_SSL.Network.AdversarialNet import AdversarialNet


def temp_scale(p, t):
    return p / t


def compute_score(inputs, model, eps):
    model.eval()
    inputs.requires_grad = True
    _, out = model(inputs)
    probs = out.softmax(1)
    probs = temp_scale(probs, 0.5)
    top, top_idx = torch.max(probs, dim=1)
    xent = F.cross_entropy(probs, top_idx.detach().long())  # expect: LG001
    d = torch.autograd.grad(xent, inputs)[0]
    d = torch.ge(d, 0)
    d = (d.float() - 0.5) * 2
    inputs_hat = torch.add(inputs.data, -eps, d.detach())
    _, out_hat = model(inputs_hat)
    probs_hat = temp_scale(out_hat.softmax(1), 0.5)
    top_hat = torch.max(probs_hat, dim=1).values
    shift = torch.abs(top - top_hat).unsqueeze(1)
    model.train()
    return shift.detach()


def normalize_weight(x):
    lo, hi = x.min(), x.max()
    x = (x - lo) / (hi - lo)
    x = x / max(torch.mean(x), 1e-6)
    return x.detach()


class CAFA(InductiveEstimator, DeepModelMixin):
    def init_model(self):
        self._discriminator = AdversarialNet(self.num_features)
        self._discriminator_separate = AdversarialNet(self.num_features)

    def train(self, lb_X, lb_y, ulb_X, lb_idx=None, ulb_idx=None, *args, **kwargs):
        lb_X = lb_X[0] if isinstance(lb_X, (tuple, list)) else lb_X
        lb_y = lb_y[0] if isinstance(lb_y, (tuple, list)) else lb_y
        w_ulb_X, s_ulb_X = ulb_X[0], ulb_X[1]
        inputs = torch.cat((lb_X, w_ulb_X, s_ulb_X))
        bs = lb_X.shape[0]
        feats, logits = self._network(inputs)
        lb_logits = logits[:bs]
        w_ulb_logits, s_ulb_logits = logits[bs:].chunk(2)
        l_feat = feats[:bs]
        u_feat, _ = feats[bs:].chunk(2)

        self._network.eval()
        l_shift = compute_score(lb_X.detach(), self._network, self.eps).detach()
        u_shift = compute_score(ulb_X[0].detach(), self._network, self.eps).detach()
        self._network.train()

        l_dom = self._discriminator.forward(l_feat)
        u_dom = self._discriminator.forward(u_feat)
        l_dom_sep = self._discriminator_separate.forward(l_feat.detach())
        u_dom_sep = self._discriminator_separate.forward(u_feat.detach())

        adv = torch.zeros(1).to(self.device)
        adv_sep = torch.zeros(1).to(self.device)
        tmp = self.l_weight[lb_idx] * nn.BCELoss(reduction="none")(l_dom, torch.zeros_like(l_dom))
        adv += torch.mean(tmp, dim=0)
        tmp = self.u_weight[ulb_idx] * nn.BCELoss(reduction="none")(u_dom, torch.ones_like(u_dom))
        adv += torch.mean(tmp, dim=0)
        adv_sep += nn.BCELoss()(l_dom_sep, torch.zeros_like(l_dom_sep))
        adv_sep += nn.BCELoss()(u_dom_sep, torch.ones_like(u_dom_sep))

        pseudo = torch.softmax(w_ulb_logits.detach() / self.T, dim=-1)
        max_probs, targets_u = torch.max(pseudo, dim=-1)
        mask = max_probs.ge(self.threshold).float()
        ssl = (Cross_Entropy(reduction='none')(s_ulb_logits, targets_u) * mask).mean() * self.lambda_u
        cls = Cross_Entropy(reduction='mean')(logits=lb_logits, targets=lb_y)
        adv_coef = 1. * math.exp(-5 * (1 - min(self.it_total / self.adv_warmup, 1)) ** 2)
        return cls, ssl, adv_coef, adv, adv_sep

    def get_loss(self, train_result, *args, **kwargs):
        cls, ssl, adv_coef, adv, adv_sep = train_result
        return cls + ssl + adv_coef * (adv + adv_sep)

    def optimize(self, loss, *args, **kwargs):
        self._network.zero_grad()
        self._discriminator.zero_grad()
        self._discriminator_separate.zero_grad()
        loss.backward()
        self._optimizer.step()
        if self._scheduler is not None:
            self._scheduler.step()
        self._discriminator_optimizer.step()
        if self._discriminator_scheduler is not None:
            self._discriminator_scheduler.step()
        self._discriminator_optimizer_separate.step()
        if self._discriminator_scheduler_separate is not None:
            self._discriminator_scheduler_separate.step()
