"""positive [LG011]: the value-iteration network builds nn.Softmax() without dim for its action logits (the fix, "Patches for current PyTorch Release", passes dim=1)."""

# Source: kentsommer/pytorch-value-iteration-networks@32d2037144 model.py, fixed in 15fefd5bb6 (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter


class ValueIterationNet(nn.Module):
    def __init__(self, config):
        super(ValueIterationNet, self).__init__()
        self.config = config
        self.h = nn.Conv2d(config.l_i, config.l_h, kernel_size=(3, 3), stride=1, padding=1, bias=True)
        self.r = nn.Conv2d(config.l_h, 1, kernel_size=(1, 1), stride=1, padding=0, bias=False)
        self.q = nn.Conv2d(1, config.l_q, kernel_size=(3, 3), stride=1, padding=1, bias=False)
        self.fc = nn.Linear(config.l_q, 8, bias=False)
        self.w = Parameter(torch.zeros(config.l_q, 1, 3, 3), requires_grad=True)
        self.sm = nn.Softmax()  # expect: LG011

    def forward(self, grid, s1, s2, config):
        r = self.r(self.h(grid))
        q = self.q(r)
        v, _ = torch.max(q, dim=1, keepdim=True)
        for _ in range(config.k - 1):
            q = F.conv2d(torch.cat([r, v], 1), torch.cat([self.q.weight, self.w], 1), stride=1, padding=1)
            v, _ = torch.max(q, dim=1, keepdim=True)
        q = F.conv2d(torch.cat([r, v], 1), torch.cat([self.q.weight, self.w], 1), stride=1, padding=1)
        rows = s1.long().expand(config.imsize, 1, config.l_q, q.size(0)).permute(3, 2, 1, 0)
        q_out = q.gather(2, rows).squeeze(2)
        cols = s2.long().expand(1, config.l_q, q.size(0)).permute(2, 1, 0)
        q_out = q_out.gather(2, cols).squeeze(2)
        logits = self.fc(q_out)
        return logits, self.sm(logits)
