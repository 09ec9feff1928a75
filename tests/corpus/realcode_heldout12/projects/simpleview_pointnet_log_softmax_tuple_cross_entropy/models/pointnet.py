"""part of positive project [LG001]: the benchmark's PointNet wrapper builds the vendored classifier for task 'cls_trans' and returns {'logit': <its log-softmax output>, 'trans_feat': ...}."""
# Source: princeton-vl/SimpleView@64c6dfe4ec93a79e7e45377d6a46129f36ed62a5 models/pointnet.py (read as is; re-typed, identifiers renamed)
import torch.nn as nn

from pointnet_pyt.pointnet.model import PointCls
from all_utils import DATASET_NUM_CLASS


class PointNetWrap(nn.Module):

    def __init__(self, dataset, task):
        super().__init__()
        self.task = task
        num_class = DATASET_NUM_CLASS[dataset]
        if self.task == 'cls_trans':
            self.model = PointCls(k=num_class, feature_transform=True)
        else:
            assert False

    def forward(self, pc, cls=None):
        pc = pc.to(next(self.parameters()).device)
        pc = pc.transpose(2, 1).float()
        if self.task == 'cls_trans':
            logit, _, trans_feat = self.model(pc)
        else:
            assert False
        out = {'logit': logit, 'trans_feat': trans_feat}
        return out
