"""part of positive project [LG012]: the port's CTCLoss wraps nn.CTCLoss(blank=0, reduction='none') and feeds it the head's training output, transposed to (time, batch, classes), with no log_softmax: Paddle's CTC loss (the original) takes unnormalised logits and normalises internally, torch's expects log-probabilities."""
# Source: ttjjmm/PaddleOCR at 1216d812 (read as is), model/losses/rec_ctc_loss.py; re-typed, identifiers renamed.
# The transpose((1, 0, 2)) call is Paddle's signature, kept as in the port.
import torch
import torch.nn as nn


class CTCLoss(nn.Module):
    def __init__(self, **kwargs):
        super(CTCLoss, self).__init__()
        self.loss_func = nn.CTCLoss(blank=0, reduction="none")

    def forward(self, predicts, batch):
        predicts = predicts.transpose((1, 0, 2))
        N, B, _ = predicts.shape
        preds_lengths = torch.tensor([N] * B, dtype=torch.int64, device=predicts.device)
        labels = batch[1].to(torch.int32)
        label_lengths = batch[2].to(torch.int64)
        loss = self.loss_func(predicts, labels, preds_lengths, label_lengths)  # expect: LG012
        loss = loss.mean()
        return {"loss": loss}
