"""part of look-alike project [LG012, LG006]: the practice repository's speech transcriber; downsampling convolutions, a transformer and a residual vector quantiser, then a Linear layer and torch.log_softmax(dim=-1): the batch-first log-probabilities CTC needs, returned with the quantiser's loss."""
# Source: ILG2021/pytorch-practice at 78383386 (read as is), asr/model.py; re-typed, identifiers renamed; the
# save/load helpers cut. asr/downsampling.py and asr/transformer.py (not on the loss path) are not included.
import sys

import torch
from torch import nn

sys.path.append(".")

from asr.downsampling import DownsamplingModal
from asr.rvq import ResidualVQ
from asr.transformer import SinPositionEncoding, Transformer


class Transcriber(nn.Module):
    def __init__(self, n_codebooks, codebook_size, dim, vocab_size, strides, n_layers, pool_kernel, max_len=2000):
        super().__init__()
        self.down = DownsamplingModal(dim, dim // 2, strides, pool_kernel)
        self.pos = SinPositionEncoding(dim, max_len)
        self.encoder = Transformer(dim, n_layers)
        self.rvq = ResidualVQ(n_codebooks, codebook_size, dim)
        self.out = nn.Linear(dim, vocab_size)

    def forward(self, x: torch.Tensor):
        x = x.unsqueeze(1)
        x = self.down(x)
        x = self.pos(x)
        x, _ = self.encoder(x)
        x, vq_loss = self.rvq(x)
        x = self.out(x)
        x = torch.log_softmax(x, dim=-1)
        return x, vq_loss
