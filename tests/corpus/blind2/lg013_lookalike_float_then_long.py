"""look-alike [LG013]: labels arrive as float from a CSV-backed dataset and are converted with .long() before F.cross_entropy; a float copy is used only for a regression auxiliary."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class OrdinalNet(nn.Module):
    def __init__(self, d_in, n_grades=5):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, 128), nn.ReLU())
        self.cls = nn.Linear(128, n_grades)
        self.reg = nn.Linear(128, 1)

    def forward(self, x):
        h = self.body(x)
        return self.cls(h), self.reg(h).squeeze(-1)


def step(net, x, grade, opt):
    grade_f = torch.as_tensor(grade, dtype=torch.float32)
    logits, score = net(x)
    loss = F.cross_entropy(logits, grade_f.long()) + 0.5 * F.mse_loss(score, grade_f)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
