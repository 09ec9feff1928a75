"""look-alike [LG014, LG015, LG017]: a vector-quantisation layer can optimise its learnable codebook in place inside forward: with a padding mask it computes F.mse_loss(quantize, x.detach(), reduction='none'), selects the unmasked elements and takes .mean() before backward(); the codebook's own optimizer steps and then clears in update_in_place_optimizer (all-reduce of the gradients under DDP first)."""
# Source: lucidrains/vector-quantize-pytorch at 0d7d1aa8, vector_quantize_pytorch/vector_quantize_pytorch.py; re-typed,
# identifiers renamed; the layer cut to its codebook optimizer, the in-place update and the commitment loss (the
# projections, multi-head rearrangements, orthogonal and diversity regularisers, rotation trick and EMA codebook
# variants shortened). The codebook classes are the library's (EuclideanCodebook, not included).
from typing import Callable

import torch
import torch.distributed as distributed
import torch.nn.functional as F
from torch import nn
from torch.optim import Optimizer


def exists(v):
    return v is not None


class VectorQuantize(nn.Module):
    def __init__(self, dim, codebook_size, codebook_dim=None, commitment_weight=1.,
                 in_place_codebook_optimizer: Callable[..., Optimizer] = None,
                 manual_in_place_optimizer_update=False, learnable_codebook=False):
        super().__init__()
        self.dim = dim
        self.codebook_size = codebook_size
        self.commitment_weight = commitment_weight
        self.learnable_codebook = learnable_codebook
        self._codebook = EuclideanCodebook(dim=codebook_dim or dim, codebook_size=codebook_size,
                                           learnable_codebook=learnable_codebook)
        self.in_place_codebook_optimizer = in_place_codebook_optimizer(self._codebook.parameters()) \
            if exists(in_place_codebook_optimizer) else None
        self.manual_in_place_optimizer_update = manual_in_place_optimizer_update
        self.register_buffer('zero', torch.tensor(0.), persistent=False)

    def update_in_place_optimizer(self):
        if not exists(self.in_place_codebook_optimizer):
            return
        if self._codebook.use_ddp:
            for param in self._codebook.parameters():
                if not exists(param.grad):
                    continue
                distributed.all_reduce(param.grad)
                param.grad.data /= distributed.get_world_size()
        self.in_place_codebook_optimizer.step()
        self.in_place_codebook_optimizer.zero_grad()

    def forward(self, x, mask=None, freeze_codebook=False):
        should_inplace_optimize = exists(self.in_place_codebook_optimizer)
        dtype = x.dtype
        quantize, embed_ind, distances = self._codebook(x, mask=mask, freeze_codebook=freeze_codebook)
        quantize = quantize.type(dtype)

        commit_loss = inplace_optimize_loss = self.zero

        if should_inplace_optimize and self.training and not freeze_codebook:
            if exists(mask):
                loss = F.mse_loss(quantize, x.detach(), reduction='none')
                loss = loss[mask].mean()
            else:
                loss = F.mse_loss(quantize, x.detach())
            loss.backward()
            if not self.manual_in_place_optimizer_update:
                self.update_in_place_optimizer()
            inplace_optimize_loss = loss
            quantize, embed_ind, distances = self._codebook(x, update_usage=False)

        if self.training:
            maybe_detach = torch.detach if not self.learnable_codebook or freeze_codebook else (lambda t: t)
            commit_quantize = maybe_detach(quantize)
            quantize = x + (quantize - x).detach()
            if self.commitment_weight > 0:
                if exists(mask):
                    commit_loss = F.mse_loss(commit_quantize, x, reduction='none')
                    commit_loss = commit_loss[mask].mean()
                else:
                    commit_loss = F.mse_loss(commit_quantize, x)

        loss = commit_loss * self.commitment_weight
        return quantize, embed_ind, loss
