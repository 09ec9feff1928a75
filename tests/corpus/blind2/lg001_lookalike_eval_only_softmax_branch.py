"""look-alike [LG001]: the classifier returns probabilities only when not self.training; the training loop (model.train()) passes logits to CrossEntropyLoss."""
import torch
import torch.nn as nn


class LeafDiseaseNet(nn.Module):
    def __init__(self, backbone, feat_dim=1280, n_classes=5):
        super().__init__()
        self.backbone = backbone
        self.dropout = nn.Dropout(0.3)
        self.fc = nn.Linear(feat_dim, n_classes)

    def forward(self, x):
        logits = self.fc(self.dropout(self.backbone(x)))
        if not self.training:
            return torch.softmax(logits, dim=1)
        return logits


def train_one_epoch(net, loader, optimizer, device):
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    net.train()
    for img, label in loader:
        img, label = img.to(device), label.to(device)
        out = net(img)
        loss = criterion(out, label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


@torch.no_grad()
def predict(net, loader, device):
    net.eval()
    return torch.cat([net(img.to(device)).cpu() for img, _ in loader])
