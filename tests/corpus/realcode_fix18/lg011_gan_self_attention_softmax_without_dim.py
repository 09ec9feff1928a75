"""positive [LG011]: the pathology GAN's self-attention block normalises its (batch, positions, positions) attention scores with F.softmax without dim, which picks the axis from the rank and warns (the commit that fixes the block's shape bugs passes dim=-1)."""

# Source: theodore-evans/pathgan-pytorch@6278d6678f models/generative/AttentionBlock.py, fixed in 920f3dad56 (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F

from models.generative.conv_block import ConvBlock


class SelfAttention(nn.Module):
    def __init__(self, channels, regularization="spectral"):
        super().__init__()
        self.gamma = nn.Parameter(torch.zeros(1), requires_grad=True)
        kwargs = dict(kernel_size=1, stride=1, padding=0, regularization=regularization)
        self.query = ConvBlock(in_channels=channels, out_channels=channels // 8, **kwargs)
        self.key = ConvBlock(in_channels=channels, out_channels=channels // 8, **kwargs)
        self.value = ConvBlock(in_channels=channels, out_channels=channels, **kwargs)

    def forward(self, inputs):
        batch_size, channels, height, width = inputs.shape
        f_flat = self.query(inputs).view((batch_size, channels // 8, -1)).permute(0, 2, 1)
        g_flat = self.key(inputs).view((batch_size, channels // 8, -1)).permute(0, 2, 1)
        h_flat = self.value(inputs).view((batch_size, channels, -1)).permute(0, 2, 1)
        scores = torch.matmul(g_flat, f_flat.transpose(1, 2))
        beta = F.softmax(scores)  # expect: LG011
        out = torch.matmul(beta, h_flat)
        out = out.view((batch_size, height, width, channels)).permute(0, 3, 1, 2)
        return self.gamma * out + inputs
