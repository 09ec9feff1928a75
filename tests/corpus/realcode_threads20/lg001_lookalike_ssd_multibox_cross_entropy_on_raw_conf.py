"""look-alike [LG001]: a user asks why the SSD multibox loss has no softmax before cross entropy; the confidences it passes are raw scores, which is right."""

# Source: thread https://github.com/amdegroot/ssd.pytorch/issues/218 (the reporter added a softmax and saw slower
# convergence; the reply: F.cross_entropy combines log_softmax and nll_loss). The loss lines the thread is about are
# re-typed from layers/modules/multibox_loss.py, renamed, hard-negative mining cut to its result.
import torch.nn as nn
import torch.nn.functional as F


class MultiBox(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.num_classes = num_classes

    def forward(self, predictions, conf_t, loc_t, pos, neg):
        loc_data, conf_data = predictions
        loc_p = loc_data[pos].view(-1, 4)
        loss_l = F.smooth_l1_loss(loc_p, loc_t[pos].view(-1, 4), reduction="sum")
        keep = (pos + neg).gt(0)
        conf_p = conf_data[keep].view(-1, self.num_classes)
        loss_c = F.cross_entropy(conf_p, conf_t[keep], reduction="sum")
        n = pos.sum().float()
        return loss_l / n, loss_c / n
