"""positive [LG011]: dynamic routing turns the routing logits b_ij, unsqueezed to (1, in_capsules, out_capsules, 1), into coupling coefficients with F.softmax and no dim; the implicit axis is 1, the 1152 input capsules, where routing needs the 10 output capsules."""
# Source: motokimura/capsnet_pytorch@7a9faca550 (the parent of bfa9821 and 4c093e6, pull request #1 "Softmax dim", which end at dim=2) digit_caps.py (re-typed: DigitCaps; tabs made spaces; names kept)
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

from squash import squash


class DigitCaps(nn.Module):
    def __init__(self, routing_iters, gpu):
        super(DigitCaps, self).__init__()
        self.routing_iters = routing_iters
        self.gpu = gpu
        self.in_capsules = 1152
        self.in_capsule_size = 8
        self.out_capsules = 10
        self.out_capsule_size = 16
        self.W = nn.Parameter(torch.Tensor(self.in_capsules, self.out_capsules, self.out_capsule_size, self.in_capsule_size))

    def forward(self, x):
        batch_size = x.size(0)
        x = torch.stack([x] * self.out_capsules, dim=2)
        W = torch.cat([self.W.unsqueeze(0)] * batch_size, dim=0)
        u_hat = torch.matmul(W, x.unsqueeze(4))
        u_hat_detached = u_hat.detach()
        b_ij = Variable(torch.zeros(self.in_capsules, self.out_capsules, 1))
        if self.gpu >= 0:
            b_ij = b_ij.cuda(self.gpu)
        for iteration in range(self.routing_iters):
            c_ij = F.softmax(b_ij.unsqueeze(0))  # expect: LG011
            c_ij = torch.cat([c_ij] * batch_size, dim=0).unsqueeze(4)
            if iteration == self.routing_iters - 1:
                s_j = (c_ij * u_hat).sum(dim=1, keepdim=True)
                v_j = squash(s_j, dim=3)
            else:
                s_j = (c_ij * u_hat_detached).sum(dim=1, keepdim=True)
                v_j = squash(s_j, dim=3)
                v_j1 = torch.cat([v_j] * self.in_capsules, dim=1)
                u_vj1 = torch.matmul(u_hat_detached.transpose(3, 4), v_j1).squeeze(4).mean(dim=0, keepdim=False)
                b_ij = b_ij + u_vj1
        return v_j.squeeze(1)
