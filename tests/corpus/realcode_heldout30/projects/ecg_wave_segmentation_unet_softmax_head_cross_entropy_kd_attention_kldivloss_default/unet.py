"""part of positive project [LG001, LG009]: the 1-D U-Net for per-sample ECG wave segmentation (3 classes): Conv1d/BatchNorm/SELU blocks, max-pool down, linear upsampling up, a last Conv1d to the classes and nn.Softmax(dim=1) applied in forward, so the network returns (B, 3, N) probabilities; unet_s and unet_m build a student and a teacher."""
# Source: Garand7/KD_ECG at b184aaa9, unet.py; re-typed, identifiers renamed; the torchsummary import, the commented-out extra convolutions,
# the unused OutConv and get_intermediate_layer, unet_l/unet_xl and the __main__ summary cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Sequential):
    def __init__(self, in_ch, out_ch, n_conv=2):
        layers = [
            nn.Conv1d(in_ch, out_ch, kernel_size=16, padding='same'),
            nn.BatchNorm1d(out_ch),
            nn.Dropout(0.2),
            nn.SELU(inplace=True),
        ]
        super().__init__(*layers)


class Down(nn.Sequential):
    def __init__(self, in_ch, out_ch, n_conv=1):
        super().__init__(nn.MaxPool1d(2), ConvBlock(in_ch, out_ch, n_conv))


class Up(nn.Module):
    def __init__(self, in_ch, out_ch, bilinear=True, n_conv=1):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode='linear', align_corners=True)
        else:
            self.up = nn.ConvTranspose1d(in_ch // 2, in_ch // 2, kernel_size=2, stride=2, padding='same')
        self.conv = ConvBlock(in_ch, out_ch, n_conv=1)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        diff = torch.tensor([x2.size()[2] - x1.size()[2]])
        x1 = F.pad(x1, [diff // 2, diff - diff // 2])
        x = torch.cat([x2, x1], dim=1)
        return self.conv(x)


class WaveUNet(nn.Module):
    def __init__(self, in_ch, n_classes, blocks, bilinear=True, n_conv=2):
        super(WaveUNet, self).__init__()
        self.inc = ConvBlock(in_ch, blocks[0])
        downs = [Down(blocks[i], blocks[i + 1], n_conv=n_conv) for i in range(len(blocks) - 1)]
        downs.append(Down(blocks[-1], blocks[-1], n_conv=n_conv))
        self.downs = nn.ModuleList(downs)
        self.mid = nn.Sequential(ConvBlock(blocks[-1], blocks[-1]))
        ups = [Up(blocks[i] * 2, blocks[i - 1], n_conv=n_conv) for i in range(len(blocks) - 1, 0, -1)]
        ups.append(Up(blocks[0] * 2, blocks[0], n_conv=n_conv))
        self.ups = nn.ModuleList(ups)
        self.outc = nn.Conv1d(blocks[0], n_classes, kernel_size=1, padding='same')
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.inc(x)
        skips = [x]
        for layer in self.downs:
            x = layer(x)
            skips.append(x)
        x = self.mid(x)
        for layer, skip in zip(self.ups, skips[-2::-1]):
            x = layer(x, skip)
        logits = self.outc(x)
        logits = self.softmax(logits)
        return logits


def unet_s(in_ch, n_classes):
    blocks = [16]
    return WaveUNet(in_ch, n_classes, blocks)


def unet_m(in_ch, n_classes):
    blocks = [8, 16, 32, 64, 128, 256]
    return WaveUNet(in_ch, n_classes, blocks)
