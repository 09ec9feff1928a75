"""part of look-alike project [LG012, LG015]: CTCLoss applies log_softmax(2) and permutes to (T, N, C) before nn.CTCLoss(reduction='none'), weights the per-sample losses for the focal variant and returns loss.mean()."""
# Source: WenmuZhou/PytorchOCR@d1584fd2f6875a198fe27f3c101a319b83ccf5f0 torchocr/losses/rec_ctc_loss.py
# at the commit read.
import torch
from torch import nn


class CTCLoss(nn.Module):
    def __init__(self, use_focal_loss=False, **kwargs):
        super(CTCLoss, self).__init__()
        self.loss_func = nn.CTCLoss(blank=0, reduction='none')
        self.use_focal_loss = use_focal_loss

    def forward(self, predicts, batch):
        predicts = predicts['res']

        batch_size = predicts.size(0)
        label, label_length = batch[1], batch[2]
        predicts = predicts.log_softmax(2)
        predicts = predicts.permute(1, 0, 2)
        preds_lengths = torch.tensor([predicts.size(0)] * batch_size, dtype=torch.long)
        loss = self.loss_func(predicts, label, preds_lengths, label_length)

        if self.use_focal_loss:
            weight = torch.exp(-loss)
            weight = 1 - weight
            weight = torch.square(weight)
            loss = loss * weight
        loss = loss.mean()
        return {'loss': loss}
