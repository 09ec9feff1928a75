"""part of look-alike project [LG002, LG016]: the slice-sequence classifier ends in a plain linear layer with two outputs (age, sex) and overwrites the last column with its sigmoid in place before returning, so the sex column is a probability."""
# Source: tobeor3009/CNN_total_Pytorch at e92428ed, src/model/for_study/sj/model.py (TransformerClassifier, read as
# is); re-typed, identifiers renamed; the StyleGAN-style convolution blocks (ConvLayer, ResBlock) and the transformer
# encoder (TransformerModel), defined above the class in the source, stand for cut parts.
import math

import torch
from torch import nn
from torch.nn import functional as F
from einops import rearrange

from .custom.torch_utils import flatten
from .op import fused_leaky_relu


class ScaledLinear(nn.Module):
    def __init__(self, in_dim, out_dim, bias=True, bias_init=0, lr_mul=1, activation=None):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_dim, in_dim).div_(lr_mul))
        if bias:
            self.bias = nn.Parameter(torch.zeros(out_dim).fill_(bias_init))
        else:
            self.bias = None
        self.activation = activation
        self.scale = (1 / math.sqrt(in_dim)) * lr_mul
        self.lr_mul = lr_mul

    def forward(self, input):
        if self.activation:
            out = F.linear(input, self.weight * self.scale)
            out = fused_leaky_relu(out, self.bias * self.lr_mul)
        else:
            out = F.linear(input, self.weight * self.scale, bias=self.bias * self.lr_mul)
        return out


class SliceTransformerClassifier(nn.Module):
    def __init__(self, size=512, channel_multiplier=2, blur_kernel=[1, 3, 3, 1], n_latent_layer=6, label_dim=2,
                 latent_model="transformer"):
        super().__init__()
        widths = {4: 512, 8: 512, 16: 512, 32: 512, 64: 256 * channel_multiplier, 128: 128 * channel_multiplier,
                  256: 64 * channel_multiplier, 512: 32 * channel_multiplier, 1024: 16 * channel_multiplier}
        self.label_dim = label_dim
        self.latent_model = latent_model
        self.n_latent_layer = n_latent_layer

        blocks = [ConvLayer(3, widths[size], 1)]
        log_size = int(math.log(size, 2))
        c_in = widths[size]
        for i in range(log_size, 2, -1):
            c_out = widths[2 ** (i - 1)]
            blocks.append(ResBlock(c_in, c_out, blur_kernel))
            c_in = c_out
        self.blocks = nn.Sequential(*blocks)
        self.stddev_group = 4
        self.stddev_feat = 1
        self.last_conv = ConvLayer(c_in + 1, widths[4], 3)
        self.reduce = ScaledLinear(widths[4] * 4 * 4, widths[4], activation='fused_lrelu')
        self.encoder = TransformerModel(d_model=widths[4])
        self.head = ScaledLinear(widths[4], self.label_dim, activation=None)

    def forward(self, input):
        b, n_slices, c, w, h = input.shape
        input = rearrange(input, 'b z c w h -> (b z) c w h')
        out = self.blocks(input)
        batch, channel, height, width = out.shape
        group = min(batch, self.stddev_group)
        std = out.view(group, -1, self.stddev_feat, channel // self.stddev_feat, height, width)
        std = torch.sqrt(std.var(0, unbiased=False) + 1e-8)
        std = std.mean([2, 3, 4], keepdims=True).squeeze(2)
        std = std.repeat(group, 1, height, width)
        out = torch.cat([out, std], 1)
        out = self.last_conv(out)
        out = self.reduce(flatten(out))
        out = self.encoder(out.reshape(b, n_slices, -1))
        out = self.head(out.mean(1))
        out[:, -1] = torch.sigmoid(out[:, -1])  # for sex
        return out
