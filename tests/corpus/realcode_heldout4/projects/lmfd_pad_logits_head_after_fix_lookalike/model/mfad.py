"""part of look-alike project [LG003, LG016]: the two-stream network ends in a one-unit Linear classifier and returns its score with the pixel-wise map."""
# Source: https://github.com/meilfang/LMFD-PAD model/mfad.py at ba1ab8da43b548b8cb58bfaacd95b7c6a2e626b3; re-typed, names changed, reduced (the frequency head, the ResNet
# encoders and the attention gates reduced to placeholders of the same shape).
import torch
import torch.nn.functional as F
from torch import nn

from .attention import ChannelGate, SpatialGate


class FAD_HAM_Net(nn.Module):
    def __init__(self, num_classes=2, image_shape=(3, 224, 224), pretrain=True, variant="resnet50"):
        super(FAD_HAM_Net, self).__init__()
        self.shape = image_shape
        self.freq_encoder = ResNetEncoder(in_channels=12, variant=variant)
        self.rgb_encoder = ResNetEncoder(in_channels=3, variant=variant)
        self.spatial = SpatialGate(kernel_size=5)
        self.channel = ChannelGate(gate_channels=4096)
        self.downsample = nn.Upsample(size=(14, 14), mode="bilinear", align_corners=False)
        self.map_head = nn.Sequential(
            nn.Conv2d(4096 + 128, 1024, kernel_size=3, stride=1, padding=1, bias=False),
            nn.BatchNorm2d(1024),
            nn.ReLU(),
            nn.Conv2d(1024, 1, kernel_size=3, stride=1, padding=1, bias=False),
            nn.Sigmoid(),
        )
        self.linear1 = nn.Linear(2048 * 2, 1024, bias=False)
        self.bn = nn.BatchNorm1d(1024)
        self.drop = nn.Dropout(p=0.6)
        self.cls = nn.Linear(1024, 1, bias=False)

    def forward(self, x):
        freq, freq_3, freq_1 = self.freq_encoder(x)
        rgb, rgb_3, rgb_1 = self.rgb_encoder(x)
        att_3 = self.downsample(self.channel(torch.cat((freq_3, rgb_3), dim=1)))
        att_1 = self.downsample(self.spatial(torch.cat((freq_1, rgb_1), dim=1)))
        map_x = self.map_head(torch.cat((att_1, att_3), dim=1))
        map_x = map_x.squeeze(1)

        x = torch.cat((freq, rgb), dim=1)
        x = self.linear1(x)
        x = self.bn(x)
        x = self.drop(x)
        x = self.cls(x)
        return x, map_x
