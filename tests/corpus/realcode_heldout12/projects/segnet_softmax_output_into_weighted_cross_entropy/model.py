"""part of positive project [LG001, LG006]: the SegNet returns both the last decoder map and F.softmax of it (F bound as nn.functional at module level); the training script picks the softmax output for the loss."""
# Source: say4n/pytorch-segnet@be538aecd677b703e0cd9d803b51e33c06fa8a27 src/model.py (the parent of f7738c6 "Update train.py", "Fixes #5", its issue #5 "Why do you use CrossEntropyLoss on softmax output?"; re-typed, identifiers renamed, cut to two of the five encoder and decoder stages, the VGG weight copying and the debug prints left out)
from __future__ import print_function

import torch
import torch.nn as nn
import torchvision.models as models

F = nn.functional


class SegNetLite(nn.Module):
    def __init__(self, input_channels, output_channels):
        super(SegNetLite, self).__init__()
        self.input_channels = input_channels
        self.output_channels = output_channels
        self.backbone = models.vgg16(pretrained=True)

        self.enc_00 = nn.Sequential(*[nn.Conv2d(in_channels=self.input_channels, out_channels=64, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(64)])
        self.enc_01 = nn.Sequential(*[nn.Conv2d(in_channels=64, out_channels=64, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(64)])
        self.enc_10 = nn.Sequential(*[nn.Conv2d(in_channels=64, out_channels=128, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(128)])
        self.enc_11 = nn.Sequential(*[nn.Conv2d(in_channels=128, out_channels=128, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(128)])

        self.dec_11 = nn.Sequential(*[nn.ConvTranspose2d(in_channels=128, out_channels=128, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(128)])
        self.dec_10 = nn.Sequential(*[nn.ConvTranspose2d(in_channels=128, out_channels=64, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(64)])
        self.dec_01 = nn.Sequential(*[nn.ConvTranspose2d(in_channels=64, out_channels=64, kernel_size=3, padding=1),
                                      nn.BatchNorm2d(64)])
        self.dec_00 = nn.Sequential(*[nn.ConvTranspose2d(in_channels=64, out_channels=self.output_channels,
                                                         kernel_size=3, padding=1)])

    def forward(self, img):
        size_0 = img.size()
        h00 = F.relu(self.enc_00(img))
        h01 = F.relu(self.enc_01(h00))
        p0, idx_0 = F.max_pool2d(h01, kernel_size=2, stride=2, return_indices=True)

        size_1 = p0.size()
        h10 = F.relu(self.enc_10(p0))
        h11 = F.relu(self.enc_11(h10))
        p1, idx_1 = F.max_pool2d(h11, kernel_size=2, stride=2, return_indices=True)

        u1 = F.max_unpool2d(p1, idx_1, kernel_size=2, stride=2, output_size=size_1)
        d11 = F.relu(self.dec_11(u1))
        d10 = F.relu(self.dec_10(d11))

        u0 = F.max_unpool2d(d10, idx_0, kernel_size=2, stride=2, output_size=size_0)
        d01 = F.relu(self.dec_01(u0))
        d00 = self.dec_00(d01)

        probs = F.softmax(d00, dim=1)
        return d00, probs
