"""part of look-alike project [LG014]: the base solver's `backward()` back-propagates, clips and calls `self.optimizer.step()`; it never clears, the subclass's loop does through the wrapper's `pre_step()`."""

# Source: liusongxiang/ppg-vc@b59cb98 src/solver.py (re-typed, renamed, cut to the backward step; the file sits in bin/ here, beside the solver that imports it)
import math

import torch


class BaseSolver:
    GRAD_CLIP = 5.0

    def __init__(self, config, paras):
        self.config = config
        self.paras = paras
        self.step = 0

    def verbose(self, msg):
        print("[INFO]", msg)

    def backward(self, loss):
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.GRAD_CLIP)
        if math.isnan(grad_norm):
            self.verbose("Error : grad norm is NaN @ step " + str(self.step))
        else:
            self.optimizer.step()
        return grad_norm
