"""look-alike [LG003, LG004]: multi-label classifier; the tensor named `probs` is the raw head output given to BCEWithLogitsLoss, sigmoid happens only for thresholded metrics."""
import torch
import torch.nn as nn
from sklearn.metrics import f1_score


class TagClassifier(nn.Module):
    def __init__(self, backbone, feat_dim, n_tags):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(feat_dim, n_tags)

    def forward(self, x):
        return self.head(self.backbone(x))


def epoch(model, loader, optimizer, threshold=0.5):
    criterion = nn.BCEWithLogitsLoss()
    y_true, y_pred = [], []
    for images, tag_ids in loader:
        targets = torch.zeros(images.size(0), model.head.out_features, device=images.device)
        targets.scatter_(1, tag_ids, 1.0)
        probs = model(images)
        loss = criterion(probs, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        hits = (torch.sigmoid(probs) > threshold).long()
        y_pred.append(hits.cpu())
        y_true.append(targets.long().cpu())
    return f1_score(torch.cat(y_true).numpy(), torch.cat(y_pred).numpy(), average="micro")
