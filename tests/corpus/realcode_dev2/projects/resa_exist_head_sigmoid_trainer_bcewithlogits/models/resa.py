"""part of positive project [LG003]: RESANet returns {'seg': decoder output, 'exist': ExistHead output}, and ExistHead ends in torch.sigmoid."""
# Source: https://github.com/ZJULearning/resa models/resa.py at 2d4e6312673eedd41ace54166686f4f2e70b50a3 (issue #29: the exist head applies sigmoid and the
# trainer uses BCEWithLogitsLoss); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F

from models.decoder import BUSD, PlainDecoder
from models.registry import NET
from models.resnet import ResNetWrapper


class ExistHead(nn.Module):
    def __init__(self, cfg=None):
        super(ExistHead, self).__init__()
        self.cfg = cfg
        self.dropout = nn.Dropout2d(0.1)
        self.conv8 = nn.Conv2d(128, cfg.num_classes, 1)
        stride = cfg.backbone.fea_stride * 2
        self.fc9 = nn.Linear(int(cfg.num_classes * cfg.img_width / stride * cfg.img_height / stride), 128)
        self.fc10 = nn.Linear(128, cfg.num_classes - 1)

    def forward(self, x):
        x = self.dropout(x)
        x = self.conv8(x)
        x = F.softmax(x, dim=1)
        x = F.avg_pool2d(x, 2, stride=2, padding=0)
        x = x.view(-1, x.numel() // x.shape[0])
        x = self.fc9(x)
        x = F.relu(x)
        x = self.fc10(x)
        x = torch.sigmoid(x)
        return x


@NET.register_module
class RESANet(nn.Module):
    def __init__(self, cfg):
        super(RESANet, self).__init__()
        self.cfg = cfg
        self.backbone = ResNetWrapper(cfg)
        self.decoder = eval(cfg.decoder)(cfg)
        self.heads = ExistHead(cfg)

    def forward(self, batch):
        fea = self.backbone(batch)
        seg = self.decoder(fea)
        exist = self.heads(fea)
        output = {"seg": seg, "exist": exist}
        return output
