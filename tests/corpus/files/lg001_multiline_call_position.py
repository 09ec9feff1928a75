"""positive [LG001]: multi-line F.cross_entropy call; the finding belongs on the line where the softmaxed input argument starts."""
import torch
import torch.nn.functional as F
from torch import nn


class Classifier(nn.Module):
    def __init__(self, in_dim=512, n_cls=100):
        super().__init__()
        self.proj = nn.Linear(in_dim, 256)
        self.cls = nn.Linear(256, n_cls)

    def forward(self, feats):
        return self.cls(torch.tanh(self.proj(feats)))


def step(model, feats, labels, optimizer, class_weights, smoothing=0.05):
    optimizer.zero_grad()
    logits = model(feats)
    loss = F.cross_entropy(
        F.softmax(logits, dim=-1),  # expect: LG001
        labels,
        weight=class_weights,
        label_smoothing=smoothing,
    )
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    model = Classifier()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    w = torch.ones(100)
    for it in range(100):
        feats = torch.randn(64, 512)
        labels = torch.randint(0, 100, (64,))
        print(it, step(model, feats, labels, opt, w))
