"""positive [LG005]: segmentation smoke test: logits (2, 5, 64, 64) vs class-index mask (2, 1, 64, 64) in F.cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FCN(nn.Module):
    def __init__(self, n_classes=5):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, n_classes, 1),
        )

    def forward(self, x):
        return self.body(x)


def sanity_check():
    logits = torch.randn(2, 5, 64, 64, requires_grad=True)
    mask = torch.randint(0, 5, (2, 1, 64, 64))
    loss = F.cross_entropy(logits, mask)  # expect: LG005
    loss.backward()
    return loss


if __name__ == "__main__":
    model = FCN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    print(sanity_check().item())
