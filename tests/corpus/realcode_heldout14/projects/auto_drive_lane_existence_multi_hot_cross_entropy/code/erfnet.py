"""part of positive project [LG005]: ERFNet returns a dict: segmentation scores under "out" and the lane-existence head's sigmoid output under "aux"."""
# Source: voldemortX/pytorch-auto-drive at the parent of df6a58e ("SCNN bugs fixed", which switches the existence loss to
# binary_cross_entropy_with_logits on a float target and drops the head's sigmoid), code/torchvision_models/segmentation/erfnet.py; re-typed, identifiers renamed; encoder, decoder and the
# SCNN message-passing blocks cut.
from collections import OrderedDict

import torch.nn as nn
import torch.nn.functional as F


class LaneExistHead(nn.Module):
    def __init__(self, num_output, flattened_size=3965):
        super().__init__()
        self.layers = nn.ModuleList()
        self.layers.append(nn.Conv2d(128, 32, (3, 3), stride=1, padding=(4, 4), bias=False, dilation=(4, 4)))
        self.layers.append(nn.BatchNorm2d(32, eps=1e-03))
        self.layers_final = nn.ModuleList()
        self.layers_final.append(nn.Dropout2d(0.1))
        self.layers_final.append(nn.Conv2d(32, 5, (1, 1), stride=1, padding=(0, 0), bias=True))
        self.maxpool = nn.MaxPool2d(2, stride=2)
        self.linear1 = nn.Linear(flattened_size, 128)
        self.linear2 = nn.Linear(128, num_output)

    def forward(self, input):
        output = input
        for layer in self.layers:
            output = layer(output)
        output = F.relu(output)
        for layer in self.layers_final:
            output = layer(output)
        output = F.softmax(output, dim=1)
        output = self.maxpool(output)
        output = output.flatten()
        output = self.linear1(output)
        output = F.relu(output)
        output = self.linear2(output)
        output = F.sigmoid(output)
        return output


class ERFNet(nn.Module):
    def __init__(self, num_classes, encoder, decoder, aux=0, flattened_size=3965, spatial_conv=None):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.spatial_conv = spatial_conv
        self.aux_head = LaneExistHead(num_output=aux, flattened_size=flattened_size) if aux > 0 else None

    def forward(self, input, only_encode=False):
        out = OrderedDict()
        if only_encode:
            return self.encoder.forward(input, predict=True)
        output = self.encoder(input)
        if self.spatial_conv is not None:
            output = self.spatial_conv(output)
        out["out"] = self.decoder.forward(output)
        if self.aux_head is not None:
            out["aux"] = self.aux_head(output)
        return out
