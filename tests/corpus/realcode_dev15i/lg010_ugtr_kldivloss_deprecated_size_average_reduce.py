"""positive [LG010]: the uncertainty-guided transformer builds its KL term as nn.KLDivLoss(size_average=False, reduce=False), the deprecated arguments (the thread asks why the KL loss is negative)."""

# Source: https://github.com/fanyang587/UGTR/issues/6; fanyang587/UGTR@97ee3c0 model/ugtr.py, train.py (cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn


class UncertaintyNet(nn.Module):
    def __init__(self, backbone, criterion, hidden=512, zoom=8):
        super().__init__()
        self.backbone = backbone
        self.criterion = criterion
        self.zoom = zoom
        self.proj = nn.Conv2d(2048, hidden, kernel_size=1, bias=False)
        self.mean_conv = nn.Conv2d(hidden, 1, kernel_size=1, bias=False)
        self.std_conv = nn.Conv2d(hidden, 1, kernel_size=1, bias=False)
        self.pred = nn.Conv2d(hidden, 1, kernel_size=1)
        self.kl_loss = nn.KLDivLoss(size_average=False, reduce=False)  # expect: LG010

    def sample(self, mu, logvar):
        std = logvar.mul(0.5).exp_()
        eps = std.data.new(std.size()).normal_()
        return eps.mul(std).add_(mu)

    def forward(self, x, y=None):
        h, w = x.shape[2], x.shape[3]
        feat = self.proj(self.backbone(x))
        prob_x = self.sample(self.mean_conv(feat), self.std_conv(feat))
        out = self.pred(feat)
        prob_x = F.interpolate(prob_x, size=(h, w), mode="bilinear", align_corners=True)
        out = F.interpolate(out, size=(h, w), mode="bilinear", align_corners=True)
        if self.training:
            main_loss = self.criterion(out, y) + 0.5 * self.criterion(prob_x, y) + 0.1 * self.kl_loss(prob_x, y).sum()
            return out, main_loss
        return out


def train(backbone, loader, lr, epochs):
    criterion = nn.BCEWithLogitsLoss(reduction="mean")
    model = UncertaintyNet(backbone, criterion)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    model.train()
    for _ in range(epochs):
        for images, masks in loader:
            _, loss = model(images, masks)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return model
