"""positive [LG003]: the lane-existence head ends in a sigmoid, and the network's loss, in another module of the post, gives that output to BCEWithLogitsLoss."""

# Source: thread https://github.com/Turoad/lanedet/issues/32 (the reporter quotes exist_head.py#L32 and the
# BCEWithLogitsLoss of lane_seg.py, at 21070906; re-typed as two code blocks of one post, renamed, layers cut). The
# maintainer refers to ZJULearning/resa#29, where the same double sigmoid was acknowledged.
import torch
import torch.nn as nn
import torch.nn.functional as F


class LaneExistHead(nn.Module):
    def __init__(self, in_ch, num_lanes):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, num_lanes + 1, 1)
        self.fc9 = nn.Linear(4500, 128)
        self.fc10 = nn.Linear(128, num_lanes)

    def forward(self, feat):
        x = F.softmax(self.conv(feat), dim=1)
        x = F.avg_pool2d(x, 2, stride=2).flatten(1)
        x = F.relu(self.fc9(x))
        return torch.sigmoid(self.fc10(x))


class LaneSeg(nn.Module):
    def __init__(self, backbone, in_ch, num_lanes):
        super().__init__()
        self.backbone = backbone
        self.heads = LaneExistHead(in_ch, num_lanes)
        self.exist_crit = nn.BCEWithLogitsLoss()

    def loss(self, feat, exist_gt):
        exist = self.heads(self.backbone(feat))
        return self.exist_crit(exist, exist_gt.float())  # expect: LG003
