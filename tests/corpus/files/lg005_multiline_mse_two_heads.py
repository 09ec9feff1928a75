"""positive [LG005]: bounding-box regression: Linear(256, 4) gives (N, 4) but the target is flattened to (N * 4,) in an mse_loss call spanning two lines."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BoxHead(nn.Module):
    def __init__(self, in_ch=256, n_classes=21):
        super().__init__()
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(in_ch * 7 * 7, 256), nn.ReLU())
        self.cls = nn.Linear(256, n_classes)
        self.box = nn.Linear(256, 4)

    def forward(self, roi_feats):
        h = self.fc(roi_feats)
        return self.cls(h), self.box(h)


head = BoxHead()
optimizer = torch.optim.SGD(head.parameters(), lr=0.02, momentum=0.9)


def train_step(roi_feats, labels, box_targets):
    cls_logits, box_deltas = head(roi_feats)
    loss_cls = F.cross_entropy(cls_logits, labels)
    loss_box = F.mse_loss(box_deltas, box_targets.flatten(),  # expect: LG005
                          reduction="mean")
    loss = loss_cls + loss_box
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
