"""positive [LG011]: the temporal-contrasting module builds `nn.LogSoftmax()` without an axis and applies it to the (batch, batch) score matrix of each future step (implicit axis 1, the one meant)."""

# Source: emadeldeen24/TS-TCC@15bdfd6 models/TC.py (re-typed, renamed, cut to the contrastive term)
import torch
import torch.nn as nn


class TemporalContrast(nn.Module):
    def __init__(self, hidden_dim, channels, timesteps):
        super().__init__()
        self.timesteps = timesteps
        self.Wk = nn.ModuleList([nn.Linear(hidden_dim, channels) for _ in range(timesteps)])
        self.lsoftmax = nn.LogSoftmax()  # expect: LG011

    def forward(self, context, encoded):
        batch = context.shape[0]
        nce = 0
        for i in range(self.timesteps):
            pred = self.Wk[i](context)
            total = torch.mm(encoded[i], torch.transpose(pred, 0, 1))
            nce += torch.sum(torch.diag(self.lsoftmax(total)))
        return nce / (-1.0 * batch * self.timesteps)
