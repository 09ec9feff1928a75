"""part of positive project [LG006]: hand-written losses, no torch loss class: a log_softmax cross entropy against weighted one-hot targets, a sigmoid Dice loss, and ComposedLoss returning their sum, a scalar tensor with the batch's graph."""
# Source: ruoyxue/semantic-segmentation-pytorch at a5019da3 (read as is), code/utils/loss.py; re-typed, identifiers
# renamed; state_dict/load_state_dict and label smoothing shortened.
import torch
import torch.nn.functional as F


class BaseLoss:
    def __init__(self, n_class, weight=None):
        self.n_class = n_class
        if weight is None:
            self.weight = torch.ones(n_class, dtype=torch.float32)
        else:
            self.weight = weight.float() * n_class / torch.sum(weight)
        self.loss = torch.zeros(1, dtype=torch.float32, requires_grad=True)

    def weighted_one_hot(self, gts):
        b = gts.shape[0]
        one_hot = F.one_hot(gts.reshape(b, -1), num_classes=self.n_class).transpose(2, 1)
        return one_hot * self.weight.reshape(-1, 1)

    def to(self, device):
        self.weight = self.weight.to(device)
        self.loss = self.loss.to(device)


class LogSoftmaxCELoss(BaseLoss):
    def __call__(self, preds, gts):
        b = preds.shape[0]
        preds = F.log_softmax(preds, dim=1)
        gts = self.weighted_one_hot(gts)
        preds = preds.reshape(b, self.n_class, -1)
        self.loss = torch.sum(-gts * preds, dim=1)
        return torch.mean(self.loss, dim=[0, 1])


class SigmoidDiceLoss(BaseLoss):
    def __init__(self, n_class, weight=None, ignore_index=None, eps=1.):
        super().__init__(n_class=n_class, weight=weight)
        self.eps = eps
        self.ignore_index = [ignore_index] if isinstance(ignore_index, int) else ignore_index

    def __call__(self, preds, gts):
        self.loss = torch.zeros_like(self.loss)
        b = preds.shape[0]
        preds = torch.sigmoid(preds)
        gts = self.weighted_one_hot(gts)
        count = 0
        for i in torch.arange(self.n_class):
            if self.ignore_index is None or i not in self.ignore_index:
                g = gts[:, i]
                p = preds[:, i].view(b, -1)
                dice = (2 * (g * p).sum(1) + self.eps) / (g.sum(1) + p.sum(1) + self.eps)
                self.loss += (1 - dice).mean()
                count += 1
        return self.loss / count


class ComposedLoss(BaseLoss):
    def __init__(self, n_class, weight=None, ignore_index=None, eps=1., rate=1.):
        super().__init__(n_class=n_class, weight=weight)
        self.rate = rate
        self.ce = LogSoftmaxCELoss(n_class=n_class, weight=self.weight)
        self.dice = SigmoidDiceLoss(n_class=n_class, ignore_index=ignore_index, eps=eps)

    def __call__(self, preds, gts):
        return self.ce(preds, gts) + self.rate * self.dice(preds, gts)

    def to(self, device):
        self.ce.to(device)
        self.dice.to(device)
