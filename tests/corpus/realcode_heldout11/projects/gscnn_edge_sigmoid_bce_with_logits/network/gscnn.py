"""part of positive project [LG003, LG010]: GSCNN's shape stream ends in self.sigmoid (an nn.Sigmoid): the edge map it passes to its criterion in training is a probability map."""
# Source: nv-tlabs/GSCNN@edd16c5d3f346a0ec009cec539fbcaf6d79b5111 network/gscnn.py (read as is; re-typed, identifiers renamed, cut at class boundaries: Crop, SideOutputCrop and the ASPP module left out, the trunk layers of __init__ and the shape stream of forward shortened to one gated block)
import cv2
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from network import Resnet
from network.wider_resnet import wider_resnet38_a2
from network.mynn import initialize_weights, Norm2d
from my_functionals import GatedSpatialConv as gsc


class GSCNN(nn.Module):

    def __init__(self, num_classes, trunk=None, criterion=None):
        super(GSCNN, self).__init__()
        self.criterion = criterion
        self.num_classes = num_classes

        backbone = wider_resnet38_a2(classes=1000, dilation=True)
        self.mod1 = backbone.mod1
        self.mod2 = backbone.mod2
        self.mod3 = backbone.mod3
        self.mod4 = backbone.mod4
        self.mod7 = backbone.mod7
        self.pool2 = backbone.pool2
        self.pool3 = backbone.pool3
        self.interpolate = F.interpolate

        self.dsn3 = nn.Conv2d(256, 1, 1)
        self.dsn4 = nn.Conv2d(512, 1, 1)
        self.dsn7 = nn.Conv2d(4096, 1, 1)
        self.res1 = Resnet.BasicBlock(64, 64, stride=1, downsample=None)
        self.d1 = nn.Conv2d(64, 32, 1)
        self.gate1 = gsc.GatedSpatialConv2d(32, 32)
        self.fuse = nn.Conv2d(32, 1, kernel_size=1, padding=0, bias=False)
        self.cw = nn.Conv2d(2, 1, kernel_size=1, padding=0, bias=False)

        self.aspp = _AtrousSpatialPyramidPoolingModule(4096, 256, output_stride=8)
        self.bot_fine = nn.Conv2d(128, 48, kernel_size=1, bias=False)
        self.bot_aspp = nn.Conv2d(1280 + 256, 256, kernel_size=1, bias=False)
        self.final_seg = nn.Sequential(
            nn.Conv2d(256 + 48, 256, kernel_size=3, padding=1, bias=False),
            Norm2d(256),
            nn.ReLU(inplace=True),
            nn.Conv2d(256, num_classes, kernel_size=1, bias=False))

        self.sigmoid = nn.Sigmoid()
        initialize_weights(self.final_seg)

    def forward(self, img, gts=None):
        size = img.size()
        f1 = self.mod1(img)
        f2 = self.mod2(self.pool2(f1))
        f3 = self.mod3(self.pool3(f2))
        f4 = self.mod4(f3)
        f7 = self.mod7(f4)

        side3 = F.interpolate(self.dsn3(f3), size[2:], mode='bilinear', align_corners=True)
        side7 = F.interpolate(self.dsn7(f7), size[2:], mode='bilinear', align_corners=True)
        f1_up = F.interpolate(f1, size[2:], mode='bilinear', align_corners=True)

        arr = img.cpu().numpy().transpose((0, 2, 3, 1)).astype(np.uint8)
        edges = np.zeros((size[0], 1, size[2], size[3]))
        for i in range(size[0]):
            edges[i] = cv2.Canny(arr[i], 10, 100)
        edges = torch.from_numpy(edges).cuda().float()

        shape = self.res1(f1_up)
        shape = F.interpolate(shape, size[2:], mode='bilinear', align_corners=True)
        shape = self.d1(shape)
        shape = self.gate1(shape, side3)
        shape = self.fuse(shape)
        shape = F.interpolate(shape, size[2:], mode='bilinear', align_corners=True)
        edge_map = self.sigmoid(shape)
        fused = torch.cat((edge_map, edges), dim=1)
        gate = self.sigmoid(self.cw(fused))

        x = self.aspp(f7, gate)
        up = self.bot_aspp(x)
        fine = self.bot_fine(f2)
        up = self.interpolate(up, f2.size()[2:], mode='bilinear', align_corners=True)
        dec = self.final_seg(torch.cat([fine, up], 1))
        seg_map = self.interpolate(dec, size[2:], mode='bilinear')

        if self.training:
            return self.criterion((seg_map, edge_map), gts)
        else:
            return seg_map, edge_map
