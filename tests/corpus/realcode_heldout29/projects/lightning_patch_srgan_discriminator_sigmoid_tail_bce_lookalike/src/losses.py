"""part of look-alike project [LG002, LG004, LG006, LG016]: the content loss: MSE between frozen VGG19 features of the generated and the target image."""
# Source: kushalchordiya216/DPSRGAN at 2114a357, src/losses.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from src.networks import PerceptionNet


class ContentLoss(nn.Module):
    def __init__(self):
        super(ContentLoss, self).__init__()
        self.gpu = torch.cuda.is_available()
        self.VGG = PerceptionNet()
        if self.gpu:
            self.VGG = self.VGG.cuda()

    def forward(self, pred: Tensor, target: Tensor):
        real, fake = self.VGG(target), self.VGG(pred)
        return F.mse_loss(fake, real)
