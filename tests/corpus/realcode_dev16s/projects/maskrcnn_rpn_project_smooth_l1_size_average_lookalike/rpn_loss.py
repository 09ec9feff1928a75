"""part of look-alike project [LG010]: the RPN loss calls the project's smooth_l1_loss with size_average=False and divides by the number of sampled anchors."""

# Source: facebookresearch/maskrcnn-benchmark@57eec25 maskrcnn_benchmark/modeling/rpn/loss.py (cut, renamed)
import torch
import torch.nn.functional as F

from layers import smooth_l1_loss


class RPNLoss:
    def __call__(self, objectness, box_regression, labels, regression_targets, pos_inds, neg_inds):
        sampled = torch.cat([pos_inds, neg_inds], dim=0)
        box_loss = (
            smooth_l1_loss(
                box_regression[pos_inds],
                regression_targets[pos_inds],
                beta=1.0 / 9,
                size_average=False,
            )
            / sampled.numel()
        )
        objectness_loss = F.binary_cross_entropy_with_logits(objectness.squeeze()[sampled], labels[sampled])
        return objectness_loss, box_loss
