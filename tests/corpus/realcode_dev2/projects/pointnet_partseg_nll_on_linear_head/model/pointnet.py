"""part of positive project [LG007]: the part-segmentation PointNet returns (class head = raw nn.Linear scores, log_softmax part scores, feature transform); PointNetLoss applies F.nll_loss to both."""
# Source: https://github.com/yanx27/Pointnet_Pointnet2_pytorch model/pointnet.py at
# 31deedb10b85ec30178df57a6389b2f326f7c970 (issue #30 "wrong label loss in PointNetLoss": nll_loss on a
# head without log_softmax gives a negative label loss); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


class PartSegNet(nn.Module):
    def __init__(self, cat_num=16, part_num=50):
        super(PartSegNet, self).__init__()
        self.cat_num = cat_num
        self.part_num = part_num
        self.conv1 = torch.nn.Conv1d(3, 64, 1)
        self.conv2 = torch.nn.Conv1d(64, 128, 1)
        self.conv5 = torch.nn.Conv1d(128, 2048, 1)
        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(128)
        self.bn5 = nn.BatchNorm1d(2048)
        self.fc1 = nn.Linear(2048, 256)
        self.fc2 = nn.Linear(256, 256)
        self.fc3 = nn.Linear(256, cat_num)
        self.dropout = nn.Dropout(p=0.3)
        self.bnc1 = nn.BatchNorm1d(256)
        self.bnc2 = nn.BatchNorm1d(256)
        self.convs1 = torch.nn.Conv1d(4944, 256, 1)
        self.convs4 = torch.nn.Conv1d(256, part_num, 1)

    def forward(self, points, label):
        batchsize, _, n_pts = points.size()
        out1 = F.relu(self.bn1(self.conv1(points)))
        out2 = F.relu(self.bn2(self.conv2(out1)))
        out5 = self.bn5(self.conv5(out2))
        out_max = torch.max(out5, 2, keepdim=True)[0]
        out_max = out_max.view(-1, 2048)
        net = F.relu(self.bnc1(self.fc1(out_max)))
        net = F.relu(self.bnc2(self.dropout(self.fc2(net))))
        net = self.fc3(net)
        out_max = torch.cat([out_max, label], 1)
        expand = out_max.view(-1, 2048 + 16, 1).repeat(1, 1, n_pts)
        concat = torch.cat([expand, out1, out2, out5], 1)
        net2 = F.relu(self.convs1(concat))
        net2 = self.convs4(net2)
        net2 = net2.transpose(2, 1).contiguous()
        net2 = F.log_softmax(net2.view(-1, self.part_num), dim=-1)
        net2 = net2.view(batchsize, n_pts, self.part_num)
        return net, net2, out_max


class PartSegLoss(torch.nn.Module):
    def __init__(self, weight=1, mat_diff_loss_scale=0.001):
        super(PartSegLoss, self).__init__()
        self.mat_diff_loss_scale = mat_diff_loss_scale
        self.weight = weight

    def forward(self, labels_pred, label, seg_pred, seg, trans_feat):
        seg_loss = F.nll_loss(seg_pred, seg)
        label_loss = F.nll_loss(labels_pred, label)  # expect: LG007
        loss = self.weight * seg_loss + (1 - self.weight) * label_loss
        return loss, seg_loss, label_loss
