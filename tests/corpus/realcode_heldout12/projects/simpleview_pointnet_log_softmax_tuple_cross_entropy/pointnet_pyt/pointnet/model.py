"""part of positive project [LG001]: the vendored PointNet classifier returns (F.log_softmax(x, dim=1), trans, trans_feat); written for an NLL loss."""
# Source: princeton-vl/SimpleView@64c6dfe4ec93a79e7e45377d6a46129f36ed62a5 pointnet_pyt/pointnet/model.py (read as is; a copy of fxia22/pointnet.pytorch's model, whose own trainer uses F.nll_loss; its issue #13 "Incorrect loss calculation" points at this return; re-typed, identifiers renamed, the spatial transformer networks and the segmentation head shortened or left out)
import torch
import torch.nn as nn
import torch.nn.functional as F


class PointFeat(nn.Module):
    def __init__(self, global_feat=True, feature_transform=False):
        super(PointFeat, self).__init__()
        self.stn = STN3d()
        self.conv1 = torch.nn.Conv1d(3, 64, 1)
        self.conv2 = torch.nn.Conv1d(64, 128, 1)
        self.conv3 = torch.nn.Conv1d(128, 1024, 1)
        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(128)
        self.bn3 = nn.BatchNorm1d(1024)
        self.global_feat = global_feat
        self.feature_transform = feature_transform
        if self.feature_transform:
            self.fstn = STNkd(k=64)

    def forward(self, x):
        trans = self.stn(x)
        x = x.transpose(2, 1)
        x = torch.bmm(x, trans)
        x = x.transpose(2, 1)
        x = F.relu(self.bn1(self.conv1(x)))
        if self.feature_transform:
            trans_feat = self.fstn(x)
            x = x.transpose(2, 1)
            x = torch.bmm(x, trans_feat)
            x = x.transpose(2, 1)
        else:
            trans_feat = None
        x = F.relu(self.bn2(self.conv2(x)))
        x = self.bn3(self.conv3(x))
        x = torch.max(x, 2, keepdim=True)[0]
        x = x.view(-1, 1024)
        return x, trans, trans_feat


class PointCls(nn.Module):
    def __init__(self, k=2, feature_transform=False):
        super(PointCls, self).__init__()
        self.feature_transform = feature_transform
        self.feat = PointFeat(global_feat=True, feature_transform=feature_transform)
        self.fc1 = nn.Linear(1024, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, k)
        self.dropout = nn.Dropout(p=0.3)
        self.bn1 = nn.BatchNorm1d(512)
        self.bn2 = nn.BatchNorm1d(256)
        self.relu = nn.ReLU()

    def forward(self, x):
        x, trans, trans_feat = self.feat(x)
        x = F.relu(self.bn1(self.fc1(x)))
        x = F.relu(self.bn2(self.dropout(self.fc2(x))))
        x = self.fc3(x)
        return F.log_softmax(x, dim=1), trans, trans_feat


def feature_transform_regularizer(trans):
    d = trans.size()[1]
    eye = torch.eye(d)[None, :, :]
    if trans.is_cuda:
        eye = eye.cuda()
    return torch.mean(torch.norm(torch.bmm(trans, trans.transpose(2, 1)) - eye, dim=(1, 2), p=2))
