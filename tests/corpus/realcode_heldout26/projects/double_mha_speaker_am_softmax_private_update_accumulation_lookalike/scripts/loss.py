"""part of look-alike project [LG001, LG006, LG014, LG017]: the additive-margin softmax layer returns the plain cosine scores and the scaled margin cosines (annealed towards the plain ones); it computes no loss itself."""
# Source: miquelindia90/DoubleAttentionSpeakerVerification at 5c8aa5de (read as is), scripts/loss.py; re-typed, identifiers renamed;
# FocalSoftmax cut.
import torch
from torch import nn


class AMSoftmax(nn.Module):

    def __init__(self, in_feats, n_classes, m=0.3, s=15, annealing=False):
        super(AMSoftmax, self).__init__()
        self.in_feats = in_feats
        self.m = m
        self.s = s
        self.W = torch.nn.Parameter(torch.randn(in_feats, n_classes), requires_grad=True)
        nn.init.xavier_normal_(self.W, gain=1)
        self.annealing = annealing

    def getAnnealedFactor(self, step):
        alpha = self.__getAlpha(step) if self.annealing else 0.
        return 1 / (1 + alpha)

    def __getAlpha(self, step):
        return max(0, 1000. / (pow(1. + 0.0001 * float(step), 2.)))

    def __getCombinedCosth(self, costh, costh_m, step):
        alpha = self.__getAlpha(step) if self.annealing else 0.
        return (costh_m + alpha * costh) / (1 + alpha)

    def forward(self, x, label=None, step=0):
        assert x.size()[0] == label.size()[0]
        assert x.size()[1] == self.in_feats
        x_norm = torch.div(x, torch.norm(x, p=2, dim=1, keepdim=True).clamp(min=1e-12))
        w_norm = torch.div(self.W, torch.norm(self.W, p=2, dim=0, keepdim=True).clamp(min=1e-12))
        costh = torch.mm(x_norm, w_norm)
        label_view = label.view(-1, 1)
        if label_view.is_cuda:
            label_view = label_view.cpu()
        delt_costh = torch.zeros(costh.size()).scatter_(1, label_view, self.m)
        if x.is_cuda:
            delt_costh = delt_costh.cuda()
        costh_m = costh - delt_costh
        costh_combined = self.__getCombinedCosth(costh, costh_m, step)
        return costh, self.s * costh_combined
