"""look-alike [LG012]: a CTC loss module posted in an issue thread permutes the logits to (T, N, C) and applies torch.log_softmax(dim=-1) before nn.CTCLoss; the loss is kept in a dict only for logging."""
# Source: https://github.com/FangShancheng/ABINet/issues/65 ("CTCLoss is nan"), the MyCTCLoss module posted in the
# description; re-typed, names changed, reduced (the thread cuts forward() off after its first line; its return is
# written as the one call it has to make).
import torch
import torch.nn as nn
from torch.nn import CTCLoss


class MyCTCLoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.ctc = CTCLoss(reduction="mean", zero_infinity=False)

    @property
    def last_losses(self):
        return self.losses

    def _flatten(self, sources, lengths):
        return torch.cat([t[:l] for t, l in zip(sources, lengths)])

    def _ctc_loss(self, output, gt_labels, gt_lengths, idx=None, record=True):
        loss_name = output.get('name')
        pt_logits, weight = output['logits'], output['loss_weight']
        assert pt_logits.shape[0] % gt_labels.shape[0] == 0

        pt_logits = pt_logits.permute(1, 0, 2)
        log_pt_logits = torch.log_softmax(pt_logits, dim=-1)
        pt_lengths = output['pt_lengths']
        flat_gt_labels = self._flatten(gt_labels, gt_lengths - 1)
        loss = self.ctc(log_pt_logits, flat_gt_labels, pt_lengths, gt_lengths - 1)

        if record and loss_name is not None:
            self.losses[f'{loss_name}_loss'] = loss
        return loss

    def forward(self, outputs, *args):
        self.losses = {}
        return self._ctc_loss(outputs, *args)
