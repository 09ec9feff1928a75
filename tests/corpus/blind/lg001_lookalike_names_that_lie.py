"""look-alike [LG001, LG003]: variables called probs / sigmoid_out actually hold Linear logits, which is exactly what CE and BCEWithLogits want."""
import torch
import torch.nn as nn


class MultiHead(nn.Module):
    def __init__(self, d=256, n_cls=12, n_attr=30):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(1024, d), nn.ReLU())
        self.cls_head = nn.Linear(d, n_cls)
        self.attr_head = nn.Linear(d, n_attr)

    def forward(self, x):
        h = self.trunk(x)
        return self.cls_head(h), self.attr_head(h)


def main(loader, epochs=10):
    model = MultiHead()
    ce = nn.CrossEntropyLoss()
    bce = nn.BCEWithLogitsLoss()
    optim = torch.optim.Adam(model.parameters(), lr=5e-4)
    for epoch in range(epochs):
        tot = 0.0
        for feats, cls_label, attr_label in loader:
            probs, sigmoid_out = model(feats)
            loss = ce(probs, cls_label) + 0.5 * bce(sigmoid_out, attr_label.float())
            optim.zero_grad()
            loss.backward()
            optim.step()
            tot += float(loss)
        print(epoch, tot)


if __name__ == "__main__":
    m = MultiHead()
    a, b = m(torch.randn(2, 1024))
    print(a.shape, b.shape)
