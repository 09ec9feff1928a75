"""look-alike [LG003, LG015, LG016]: torchvision-style sigmoid focal loss: the sigmoid only weights the per-element BCE-with-logits, which is reduced before backward."""
import torch
import torch.nn.functional as F


def sigmoid_focal_loss(inputs, targets, alpha: float = 0.25, gamma: float = 2.0, reduction: str = "none"):
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


def train_step(model, images, gt_heatmap, num_pos, optimizer):
    cls_logits = model(images)
    per_elem = sigmoid_focal_loss(cls_logits, gt_heatmap)
    loss = per_elem.sum() / max(1.0, num_pos)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.detach()
