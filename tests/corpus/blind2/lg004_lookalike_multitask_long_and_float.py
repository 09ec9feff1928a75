"""look-alike [LG004, LG013]: one label tensor feeds two heads: .long() for the CrossEntropy head and a .float() copy for the BCE-with-logits 'is-defect' head."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DefectNet(nn.Module):
    def __init__(self, backbone, feat=512, n_types=7):
        super().__init__()
        self.backbone = backbone
        self.type_head = nn.Linear(feat, n_types)
        self.any_head = nn.Linear(feat, 1)

    def forward(self, x):
        f = self.backbone(x)
        return self.type_head(f), self.any_head(f).squeeze(-1)


def train_epoch(net, loader, optimizer, w_any=0.5):
    net.train()
    for img, defect_type in loader:
        defect_type = defect_type.long()
        type_logits, any_logit = net(img)
        is_defect = (defect_type > 0).float()
        loss_type = F.cross_entropy(type_logits, defect_type)
        loss_any = F.binary_cross_entropy_with_logits(any_logit, is_defect)
        loss = loss_type + w_any * loss_any
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
