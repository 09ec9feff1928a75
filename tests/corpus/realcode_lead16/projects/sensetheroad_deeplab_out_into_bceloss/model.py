"""part of positive project [LG002]: the DeepLabV3 wrapper returns torchvision's raw 'out' logits, and the mutated criterion is BCELoss."""
# Source: SinaRaoufi/SenseTheRoad@e857976 src/model.py (re-typed, renamed)
import torch.nn as nn
from torchvision import models

backbone = models.segmentation.deeplabv3_resnet50(pretrained=False, progress=True, num_classes=2)


class RoadSegmenter(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = backbone

    def forward(self, images):
        return self.net(images)["out"]
