"""look-alike [LG007, LG015]: a real-time segmentation net's OHEM loss builds `nn.CrossEntropyLoss(reduction='none')`, sorts the per-pixel losses, keeps the hardest and returns their mean (a scalar is back-propagated); its focal variant feeds `NLLLoss` with `log_softmax` scaled by `(1 - p) ** gamma`, still log-probability-shaped numbers at most 0."""

# Source: CoinCheung/BiSeNet@6b4b67a old/loss.py, old/train.py (re-typed, renamed, cut to the two losses and the step; the source trains all three heads with the OHEM loss and leaves the focal class unused, here it scores the third head; its constructor calls super() on its own name here)
import torch
import torch.nn as nn
import torch.nn.functional as F


class HardPixelCELoss(nn.Module):
    def __init__(self, thresh, n_min, ignore_lb=255):
        super().__init__()
        self.thresh = -torch.log(torch.tensor(thresh, dtype=torch.float))
        self.n_min = n_min
        self.criteria = nn.CrossEntropyLoss(ignore_index=ignore_lb, reduction="none")

    def forward(self, logits, labels):
        loss = self.criteria(logits, labels).view(-1)
        loss, _ = torch.sort(loss, descending=True)
        if loss[self.n_min] > self.thresh:
            loss = loss[loss > self.thresh]
        else:
            loss = loss[: self.n_min]
        return torch.mean(loss)


class PixelFocalNLL(nn.Module):
    def __init__(self, gamma, ignore_lb=255):
        super().__init__()
        self.gamma = gamma
        self.nll = nn.NLLLoss(ignore_index=ignore_lb)

    def forward(self, logits, labels):
        scores = F.softmax(logits, dim=1)
        factor = torch.pow(1.0 - scores, self.gamma)
        log_score = F.log_softmax(logits, dim=1)
        log_score = factor * log_score
        return self.nll(log_score, labels)


def train(net, loader, optimizer, n_min, thresh=0.7, ignore_idx=255):
    crit_main = HardPixelCELoss(thresh=thresh, n_min=n_min, ignore_lb=ignore_idx)
    crit_16 = HardPixelCELoss(thresh=thresh, n_min=n_min, ignore_lb=ignore_idx)
    crit_32 = PixelFocalNLL(gamma=2.0, ignore_lb=ignore_idx)
    for im, lb in loader:
        lb = torch.squeeze(lb, 1)
        optimizer.zero_grad()
        out, out16, out32 = net(im)
        loss = crit_main(out, lb) + crit_16(out16, lb) + crit_32(out32, lb)
        loss.backward()
        optimizer.step()
