"""part of positive project [LG007, LG010, LG011]: Loss keeps a torch criterion in self.criterion; NLLLoss builds nn.NLLLoss with the deprecated size_average and sums the criterion over the decoder steps of one batch (reset before each batch); Perplexity, the loss the script uses, overrides eval_batch."""
# Source: https://github.com/jamesli1618/Obj-GAN box_generation/seq2seq/loss/loss.py at 44b442ff1a1588bcf7c4855aaca2e6a4c26b10ed; re-typed, names changed,
# reduced (docstrings left out; BBLoss, the box GMM loss, reduced to the x/y half and without its pdf helper).
import numpy as np
import torch
import torch.nn as nn


class Loss(object):
    def __init__(self, name, criterion):
        self.name = name
        self.criterion = criterion
        self.acc_loss = 0
        self.norm_term = 0

    def reset(self):
        self.acc_loss = 0
        self.norm_term = 0

    def get_loss(self):
        raise NotImplementedError

    def eval_batch(self, outputs, target):
        raise NotImplementedError

    def cuda(self):
        if self.criterion is not None:
            self.criterion.cuda()

    def backward(self):
        if type(self.acc_loss) is int:
            raise ValueError("No loss to back propagate.")
        self.acc_loss.backward()


class NLLLoss(Loss):
    _NAME = "Avg NLLLoss"

    def __init__(self, weight=None, mask=None, size_average=True):
        self.mask = mask
        self.size_average = size_average
        if mask is not None:
            if weight is None:
                raise ValueError("Must provide weight with a mask.")
            weight[mask] = 0
        super(NLLLoss, self).__init__(
            self._NAME,
            nn.NLLLoss(weight=weight, size_average=size_average))  # expect: LG010

    def get_loss(self):
        if isinstance(self.acc_loss, int):
            return 0
        loss = self.acc_loss.data[0]
        if self.size_average:
            loss /= self.norm_term
        return loss

    def eval_batch(self, outputs, target):
        self.acc_loss += self.criterion(outputs, target)
        self.norm_term += 1


class Perplexity(NLLLoss):
    _NAME = "Perplexity"
    _MAX_EXP = 100

    def __init__(self, weight=None, mask=None, lamda=1.0):
        self.lamda = lamda
        super(Perplexity, self).__init__(weight=weight, mask=mask, size_average=False)

    def eval_batch(self, outputs, target):
        self.acc_loss += self.criterion(outputs, target)  # expect: LG007
        if self.mask is None:
            self.norm_term += np.prod(target.size())
        else:
            self.norm_term += target.data.ne(self.mask).sum()

    def get_loss(self):
        return self.lamda * self.acc_loss / self.norm_term.float()


class BBLoss(Loss):
    _NAME = "Bbox Loss"

    def __init__(self, batch_size, gmm_comp_num, lamda):
        self.batch_size = batch_size
        self.gmm_comp_num = gmm_comp_num
        self.lamda = lamda
        super(BBLoss, self).__init__(self._NAME, criterion=None)

    def eval_batch(self, xy_gmm_params, wh_gmm_params, gt_x, gt_y, gt_w, gt_h, gt_l):
        pi_xy, u_x, u_y, sigma_x, sigma_y, rho_xy = xy_gmm_params
        batch_size, gmm_comp_num = pi_xy.size()
        mask = (gt_l != 0).float()
        gt_x = gt_x.unsqueeze(1).repeat(1, gmm_comp_num).view(-1)
        gt_y = gt_y.unsqueeze(1).repeat(1, gmm_comp_num).view(-1)
        xy_pdf = self.pdf(pi_xy.contiguous().view(-1), gt_x, gt_y, u_x.contiguous().view(-1), u_y.contiguous().view(-1),
                          sigma_x.contiguous().view(-1), sigma_y.contiguous().view(-1), rho_xy.contiguous().view(-1),
                          batch_size, gmm_comp_num)
        bbox_loss = -torch.sum(mask * xy_pdf)
        self.acc_loss += bbox_loss
        self.norm_term += torch.sum(mask)

    def get_loss(self):
        return self.lamda * self.acc_loss / self.norm_term
