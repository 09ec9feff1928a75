"""positive [LG001]: a multi-task wildlife model returns a dict whose 'species' head is already softmaxed; train.py feeds that entry to CrossEntropyLoss (the 'count' head is a correct regression)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class WildlifeNet(nn.Module):
    def __init__(self, backbone, feat_dim, n_species):
        super().__init__()
        self.backbone = backbone
        self.species_head = nn.Linear(feat_dim, n_species)
        self.count_head = nn.Linear(feat_dim, 1)

    def forward(self, x):
        f = self.backbone(x)
        return {
            "species": F.softmax(self.species_head(f), dim=-1),
            "count": self.count_head(f).squeeze(-1),
        }


def train(net, loader, optimizer, w_count=0.2):
    species_ce = nn.CrossEntropyLoss()
    count_l1 = nn.L1Loss()
    for img, species, count in loader:
        out = net(img)
        loss = species_ce(out["species"], species)  # expect: LG001
        loss = loss + w_count * count_l1(out["count"], count.float())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
