"""positive [LG004]: unit-test-like sanity script: F.binary_cross_entropy_with_logits with a randint target of the logits' shape."""
import torch
import torch.nn.functional as F
from torch import nn


class PixelClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 1, 3, padding=1)

    def forward(self, x):
        return self.conv(x)


def overfit_one_batch(steps=200):
    model = PixelClassifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    images = torch.randn(4, 3, 32, 32)
    masks = torch.randint(0, 2, (4, 1, 32, 32))
    for i in range(steps):
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(images), masks)  # expect: LG004
        loss.backward()
        opt.step()
    return loss.item()


if __name__ == "__main__":
    print(overfit_one_batch())
