"""positive [LG001]: an SSD's per-level prediction head ends its class scores in a softmax; the levels are concatenated and a MultiBox loss views them as (-1, classes) into CrossEntropyLoss(reduction='none') with hard-negative mining."""

# Source: namdvt/SSD-Pytorch@a1588ecf2f models/ssd_vgg.py (PredictionLayerConv, PredictionConv, SSD_VGG),
# loss.py (MultiBoxLoss), train_voc.py (fit); re-typed, identifiers renamed; the VGG and auxiliary convolutions,
# the prior boxes, the box encoding and the matching of priors to objects cut
# Mutation: torch.softmax on the head's class scores
import torch
import torch.nn as nn


class LevelHead(nn.Module):
    def __init__(self, channels, boxes, classes):
        super().__init__()
        self.classes = classes
        self.loc = nn.Conv2d(channels, boxes * 4, kernel_size=3, padding=1)
        self.cls = nn.Conv2d(channels, boxes * classes, kernel_size=3, padding=1)

    def forward(self, x):
        n = x.shape[0]
        loc = self.loc(x).permute(0, 2, 3, 1).contiguous().view(n, -1, 4)
        scores = self.cls(x).permute(0, 2, 3, 1).contiguous().view(n, -1, self.classes)
        return loc, torch.softmax(scores, dim=-1)


class Detector(nn.Module):
    def __init__(self, backbone, classes):
        super().__init__()
        self.backbone = backbone
        self.low = LevelHead(512, 4, classes)
        self.high = LevelHead(1024, 6, classes)

    def forward(self, x):
        f_low, f_high = self.backbone(x)
        loc_a, cls_a = self.low(f_low)
        loc_b, cls_b = self.high(f_high)
        return torch.cat([loc_a, loc_b], dim=1), torch.cat([cls_a, cls_b], dim=1)


class BoxLoss(nn.Module):
    def __init__(self, matcher, neg_pos_ratio=3):
        super().__init__()
        self.matcher = matcher
        self.neg_pos_ratio = neg_pos_ratio
        self.box = nn.L1Loss()
        self.ce = nn.CrossEntropyLoss(reduction="none")

    def forward(self, pred_locs, pred_scores, boxes, labels):
        n, priors, classes = pred_scores.size(0), pred_scores.size(1), pred_scores.size(2)
        true_locs, true_classes = self.matcher(boxes, labels)
        positive = true_classes != 0
        loc_loss = self.box(pred_locs[positive], true_locs[positive])
        conf_all = self.ce(pred_scores.view(-1, classes), true_classes.view(-1)).view(n, priors)  # expect: LG001
        conf_pos = conf_all[positive]
        conf_neg = conf_all.clone()
        conf_neg[positive] = 0.0
        conf_neg, _ = conf_neg.sort(dim=1, descending=True)
        ranks = torch.arange(priors).unsqueeze(0).expand_as(conf_neg)
        hard = ranks < self.neg_pos_ratio * positive.sum(dim=1).unsqueeze(1)
        conf = (conf_neg[hard].sum() + conf_pos.sum()) / positive.sum().float()
        return conf + loc_loss


def fit(model, optimizer, criterion, loader, device, training=True):
    running = 0.0
    for images, labels, boxes in loader:
        images = images.to(device)
        if training:
            optimizer.zero_grad()
            locs, scores = model(images)
        else:
            with torch.no_grad():
                locs, scores = model(images)
        loss = criterion(locs, scores, boxes, labels)
        running += loss.item()
        if training:
            loss.backward()
            optimizer.step()
    return running / len(loader)


def main(backbone, matcher, loader, device):
    model = Detector(backbone, classes=21).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9, nesterov=True, weight_decay=5e-4)
    criterion = BoxLoss(matcher)
    for epoch in range(10):
        print(epoch, fit(model, optimizer, criterion, loader, device))
