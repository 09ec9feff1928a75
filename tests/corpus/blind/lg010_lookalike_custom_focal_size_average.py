"""look-alike [LG010, LG001]: a user-defined FocalLoss keeps the old `size_average` keyword in its own signature; torch losses use reduction=."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FocalLoss(nn.Module):
    def __init__(self, gamma=2.0, alpha=None, size_average=True):
        super().__init__()
        self.gamma = gamma
        self.alpha = alpha
        self.size_average = size_average

    def forward(self, logits, target):
        logpt = F.log_softmax(logits, dim=1).gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        if self.alpha is not None:
            logpt = logpt * self.alpha.to(logits.device)[target]
        loss = -((1 - pt) ** self.gamma) * logpt
        return loss.mean() if self.size_average else loss.sum()


def build_criteria(class_weights):
    focal = FocalLoss(gamma=2.0, alpha=class_weights, size_average=True)
    ce_sum = nn.CrossEntropyLoss(weight=class_weights, reduction="sum")
    return focal, ce_sum


def train(model, loader, class_weights, epochs=10):
    focal, ce_sum = build_criteria(class_weights)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, y in loader:
            logits = model(x)
            loss = focal(logits, y) + 0.1 * ce_sum(logits, y) / y.size(0)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    fl = FocalLoss()
    print(fl(torch.randn(4, 3), torch.tensor([0, 1, 2, 1])))
