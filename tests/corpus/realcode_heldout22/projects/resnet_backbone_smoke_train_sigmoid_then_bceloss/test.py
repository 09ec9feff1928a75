"""part of positive project [LG016]: a smoke-training script takes the backbone's last feature map, applies F.sigmoid to it in the loop and feeds the result to nn.BCELoss, zeroing, back-propagating and stepping Adam each of 50 steps."""
# Source: zlfclzt1/pytorch_practice at dea58bc7 (read as is), test.py;
# re-typed, identifiers renamed; the unused image opened from a local path kept, the commented-out lines cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from PIL import Image

from utils.backbone import Resnet50

if __name__ == "__main__":
    image = Image.open("/home/user/heatmaps/223.png")

    batch_size, h, w = 3, 256, 704
    backbone = Resnet50()
    optimizer = optim.Adam(backbone.parameters(), lr=0.01)
    bceloss = nn.BCELoss()

    for step in range(50):
        backbone.train()
        optimizer.zero_grad()
        torch.set_grad_enabled(True)

        x = torch.randn((batch_size, 3, h, w))
        feats = backbone(x)
        result = feats[-1]
        result = F.sigmoid(result)

        target = torch.randn(result.shape, device=result.device)
        loss = bceloss(result, target)  # expect: LG016
        loss.backward()
        optimizer.step()
