"""positive [LG003]: a binary focal loss computes p = sigmoid(logits) and then passes p (instead of the logits) to binary_cross_entropy_with_logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BinaryFocalLoss(nn.Module):
    def __init__(self, alpha: float = 0.25, gamma: float = 2.0):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        p = torch.sigmoid(logits)
        ce_loss = F.binary_cross_entropy_with_logits(p, targets, reduction="none")  # expect: LG003
        p_t = p * targets + (1 - p) * (1 - targets)
        loss = ce_loss * ((1 - p_t) ** self.gamma)
        alpha_t = self.alpha * targets + (1 - self.alpha) * (1 - targets)
        return (alpha_t * loss).mean()


def train_detector_head(model, loader, optimizer, epochs=12):
    focal = BinaryFocalLoss()
    for _ in range(epochs):
        for images, heatmaps in loader:
            pred = model(images)
            loss = focal(pred, heatmaps)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 35.0)
            optimizer.step()
