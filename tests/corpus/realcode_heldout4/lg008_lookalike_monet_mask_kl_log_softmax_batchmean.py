"""look-alike [LG008, LG009, LG006]: MONet's mask loss gives nn.KLDivLoss(reduction='batchmean') the log_softmax of the decoded mask logits and the attention masks as probabilities; the per-slot encoder KL is summed into self.loss_E, which forward() resets to 0 every step."""
# Source: https://github.com/baudm/MONet-pytorch models/monet_model.py at 75239c6e74e4947b6728ffb615e8e81b24718a7e
# (issue #10 "Loss function of the monet", closed: the input is expected as log-probabilities, so log_softmax is
# right); re-typed, names changed, reduced (option parsing and visual names left out).
from itertools import chain

import torch
from torch import nn, optim

from . import networks
from .base_model import BaseModel


class MONetModel(BaseModel):
    def __init__(self, opt):
        BaseModel.__init__(self, opt)
        self.loss_names = ["E", "D", "mask"]
        self.model_names = ["Attn", "CVAE"]
        self.netAttn = networks.init_net(networks.Attention(opt.input_nc, 1), gpu_ids=self.gpu_ids)
        self.netCVAE = networks.init_net(networks.ComponentVAE(opt.input_nc, opt.z_dim), gpu_ids=self.gpu_ids)
        if self.isTrain:
            self.criterionKL = nn.KLDivLoss(reduction="batchmean")
            self.optimizer = optim.RMSprop(chain(self.netAttn.parameters(), self.netCVAE.parameters()), lr=opt.lr)
            self.optimizers = [self.optimizer]

    def set_input(self, batch):
        self.x = batch["A"].to(self.device)
        self.image_paths = batch["A_paths"]

    def forward(self):
        self.loss_E = 0
        self.x_tilde = 0
        exponents = []
        masks = []
        mask_logits = []

        shape = list(self.x.shape)
        shape[1] = 1
        log_scope = self.x.new_zeros(shape)

        for k in range(self.opt.num_slots):
            if k != self.opt.num_slots - 1:
                log_alpha, alpha_logits = self.netAttn(self.x, log_scope)
                log_mask = log_scope + log_alpha
                log_scope += -alpha_logits + log_alpha
            else:
                log_mask = log_scope

            mask_logit_k, x_mu, x_logvar, z_mu, z_logvar = self.netCVAE(self.x, log_mask, k == 0)
            self.loss_E += -0.5 * (1 + z_logvar - z_mu.pow(2) - z_logvar.exp()).sum()

            mask_k = log_mask.exp()
            masked = mask_k * x_mu
            b_k = log_mask - 0.5 * x_logvar - (self.x - x_mu).pow(2) / (2 * x_logvar.exp())
            exponents.append(b_k.unsqueeze(1))
            setattr(self, "m{}".format(k), mask_k * 2.0 - 1.0)
            setattr(self, "xm{}".format(k), masked)

            self.x_tilde += masked
            masks.append(mask_k)
            mask_logits.append(mask_logit_k)

        self.b = torch.cat(exponents, dim=1)
        self.m = torch.cat(masks, dim=1)
        self.m_tilde_logits = torch.cat(mask_logits, dim=1)

    def backward(self):
        n = self.x.shape[0]
        self.loss_E /= n
        self.loss_D = -torch.logsumexp(self.b, dim=1).sum() / n
        self.loss_mask = self.criterionKL(self.m_tilde_logits.log_softmax(dim=1), self.m)
        loss = self.loss_D + self.opt.beta * self.loss_E + self.opt.gamma * self.loss_mask
        loss.backward()

    def optimize_parameters(self):
        self.forward()
        self.optimizer.zero_grad()
        self.backward()
        self.optimizer.step()
