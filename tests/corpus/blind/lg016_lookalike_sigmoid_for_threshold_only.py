"""look-alike [LG016, LG003, LG006]: training uses F.binary_cross_entropy_with_logits; torch.sigmoid appears in the same function only to compute precision/recall at a threshold, after the loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DefectClassifier(nn.Module):
    def __init__(self, n_defects=6):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.fc = nn.Linear(64, n_defects)

    def forward(self, x):
        return self.fc(self.cnn(x))


def train_epoch(model, loader, opt, thr=0.5):
    model.train()
    tp = fp = fn = 0
    loss_hist = []
    for img, labels in loader:
        labels = labels.float()
        logits = model(img)
        loss = F.binary_cross_entropy_with_logits(logits, labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
        loss_hist.append(loss.item())
        pred = (torch.sigmoid(logits.detach()) > thr).float()
        tp += (pred * labels).sum().item()
        fp += (pred * (1 - labels)).sum().item()
        fn += ((1 - pred) * labels).sum().item()
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return sum(loss_hist) / len(loss_hist), precision, recall


if __name__ == "__main__":
    m = DefectClassifier()
    print(m(torch.randn(2, 3, 32, 32)).shape)
