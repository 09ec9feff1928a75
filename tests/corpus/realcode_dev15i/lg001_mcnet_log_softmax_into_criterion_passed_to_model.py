"""positive [LG001]: the segmentation net's forward applies F.log_softmax(..., dim=1) to both decoder outputs and scores them with the criterion it was given, the training script's nn.CrossEntropyLoss (log-softmax twice)."""

# Source: https://github.com/haitaobiyao/MCNet/issues/2 (the thread points at network.py#L54 and train.py#L49); haitaobiyao/MCNet@39d3278 TorchSeg-MCNet/model/MCNet/scut.mcnet.R101/network.py, train.py (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class TwoLevelSeg(nn.Module):
    def __init__(self, out_planes, criterion, edge_criterion):
        super().__init__()
        self.stem = nn.Conv2d(3, 64, 3, padding=1)
        self.level1 = nn.Conv2d(64, out_planes, 1)
        self.level2 = nn.Conv2d(64 + out_planes, out_planes, 1)
        self.edge = nn.Conv2d(64, 1, 3, padding=1)
        self.criterion = criterion
        self.edge_criterion = edge_criterion

    def forward(self, data, label=None, aux_label=None):
        feat = F.relu(self.stem(data))
        first = F.interpolate(self.level1(feat), size=data.size()[2:], mode="bilinear", align_corners=True)
        first = F.log_softmax(first, dim=1)
        second = self.level2(torch.cat((feat, first), dim=1))
        second = F.interpolate(second, size=data.size()[2:], mode="bilinear", align_corners=True)
        second = F.log_softmax(second, dim=1)
        edge_score = self.edge(feat)
        if label is not None and aux_label is not None:
            loss1 = self.criterion(first, label)  # expect: LG001
            loss2 = self.criterion(second, label)  # expect: LG001
            edge_loss = self.edge_criterion(edge_score, aux_label)
            return loss1 + edge_loss * 5 + loss2, edge_loss * 5, loss1, loss2
        return second


def main(loader, num_classes, edge_loss_fn, epochs, lr):
    criterion = nn.CrossEntropyLoss(reduction="mean", ignore_index=255)
    model = TwoLevelSeg(num_classes, criterion=criterion, edge_criterion=edge_loss_fn)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
    optimizer.zero_grad()
    model.train()
    for _ in range(epochs):
        total = 0.0
        for batch in loader:
            loss, edge_loss, l1, l2 = model(batch["data"], batch["label"], batch["aux_label"])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total = total + loss.item()
    return model
