"""part of look-alike project [LG001, LG011]: the small Darknet classifier returns its last convolution's output flattened, the logits."""

# Source: hoel-bagard/image_classification_pytorch@e97c8f4448 src/networks/small_darknet.py (the fix commit; cut, renamed)
import math

import torch
import torch.nn as nn

from config.model_config import ModelConfig
from src.networks.layers import DarknetBlock, DarknetConv


class TinyDarknet(nn.Module):
    def __init__(self):
        super(TinyDarknet, self).__init__()
        self.output_size = 2
        channels = ModelConfig.CHANNELS
        self.first_conv = DarknetConv(3, ModelConfig.CHANNELS[0], 3)
        self.blocks = nn.Sequential(*[DarknetBlock(channels[i-1], channels[i], ModelConfig.NB_BLOCKS[i-1])
                                      for i in range(1, len(channels))])
        self.last_conv = nn.Conv2d(ModelConfig.CHANNELS[-1], self.output_size, 6, bias=False)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2. / n))

    def forward(self, inputs):
        x = self.first_conv(inputs)
        for block in self.blocks:
            x = block(x)
        x = self.last_conv(x)
        x = torch.flatten(x, start_dim=1)
        return x
