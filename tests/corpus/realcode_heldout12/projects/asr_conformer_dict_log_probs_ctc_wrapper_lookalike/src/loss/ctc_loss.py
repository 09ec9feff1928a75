"""part of look-alike project [LG006, LG012, LG014]: the criterion subclasses nn.CTCLoss, takes the batch dict as keyword arguments, transposes the batch-first log-probabilities to (T, N, C) and returns {'loss': ...}."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 src/loss/ctc_loss.py (read as is; re-typed, identifiers renamed)
from typing import Dict

import torch
from torch import Tensor
from torch.nn import CTCLoss


class BatchCTCLoss(CTCLoss):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(zero_infinity=True, *args, **kwargs)

    def forward(self, log_probs: Tensor, log_probs_length: Tensor, text_encoded: Tensor,
                text_encoded_lengths: Tensor, **batch) -> Dict[str, Tensor]:
        log_probs_t = torch.transpose(log_probs, 0, 1)
        loss = super().forward(
            log_probs=log_probs_t,
            targets=text_encoded,
            input_lengths=log_probs_length,
            target_lengths=text_encoded_lengths,
        )
        return {"loss": loss}
