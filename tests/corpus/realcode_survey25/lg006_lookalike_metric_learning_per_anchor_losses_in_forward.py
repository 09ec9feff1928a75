"""look-alike [LG006]: a binomial-deviance metric loss appends one loss per anchor to a list inside its forward and returns their mean; the training loop keeps `loss.item()` only."""

# Source: bnu-wangxun/Deep_Metric@04ca510 losses/Binomial.py, trainer.py (re-typed, renamed, cut to the loss and the epoch)
import torch
from torch import nn


class BinomialDeviance(nn.Module):
    def __init__(self, alpha=40, margin=0.5):
        super().__init__()
        self.alpha = alpha
        self.margin = margin

    def forward(self, feats, targets):
        n = feats.size(0)
        sim = torch.matmul(feats, feats.t())
        per_anchor = list()
        skipped = 0
        for i in range(n):
            pos = torch.masked_select(sim[i], targets == targets[i])
            pos = torch.masked_select(pos, pos < 1)
            neg = torch.masked_select(sim[i], targets != targets[i])
            if len(neg) == 0:
                skipped += 1
                continue
            pos_loss = torch.mean(torch.log(1 + torch.exp(-2 * (pos - self.margin))))
            neg_loss = torch.mean(torch.log(1 + torch.exp(self.alpha * (neg - self.margin))))
            per_anchor.append(pos_loss + neg_loss)
        loss = sum(per_anchor) / n
        return loss, float(skipped) / n


def train_epoch(model, criterion, optimizer, loader, meter):
    for inputs, labels in loader:
        inputs, labels = inputs.cuda(), labels.cuda()
        optimizer.zero_grad()
        embeddings = model(inputs)
        loss, skipped = criterion(embeddings, labels)
        loss.backward()
        optimizer.step()
        meter.update(loss.item())
