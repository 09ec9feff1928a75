"""part of look-alike project [LG010]: the RPN scores 9 anchors per position with two 1x1 convolutions and computes objectness cross entropy and a smooth L1 box loss; after the fix both box-regression losses use reduction='sum' and divide by the sample count."""
# Source: potterhsu/easy-faster-rcnn.pytorch at 9fc2ecd5 ("Migrate to PyTorch 0.4.1", the fix: size_average=False
# becomes reduction='sum'; parent 7a7ffc21), rpn/region_proposal_network.py;
# re-typed, identifiers renamed; the anchor sampling and the NMS of the proposals shortened to calls of the cut parts.
import torch
from torch import nn
from torch.autograd import Variable
from torch.nn import functional as F

from bbox import BBox
from nms.nms import NMS


class ProposalNet(nn.Module):

    def __init__(self):
        super().__init__()
        self._features = nn.Sequential(nn.Conv2d(in_channels=512, out_channels=512, kernel_size=3, padding=1), nn.ReLU())
        self._objectness = nn.Conv2d(in_channels=512, out_channels=18, kernel_size=1)
        self._deltas = nn.Conv2d(in_channels=512, out_channels=36, kernel_size=1)

    def forward(self, features, image_width, image_height):
        anchor_bboxes = BBox.generate_anchors(max_x=image_width, max_y=image_height, stride=16).cuda()
        features = self._features(features)
        objectnesses = self._objectness(features)
        deltas = self._deltas(features)
        objectnesses = objectnesses.permute(0, 2, 3, 1).contiguous().view(-1, 2)
        deltas = deltas.permute(0, 2, 3, 1).contiguous().view(-1, 4)
        proposal_bboxes = select_proposals(anchor_bboxes, objectnesses.data[:, 1], deltas.data, image_width,
                                           image_height, self.training)
        return anchor_bboxes, objectnesses, deltas, proposal_bboxes

    def sample(self, anchor_bboxes, anchor_objectnesses, anchor_deltas, gt_bboxes, image_width, image_height):
        return sample_anchors(anchor_bboxes, anchor_objectnesses, anchor_deltas, gt_bboxes, image_width, image_height)

    def loss(self, anchor_objectnesses, anchor_deltas, gt_anchor_objectnesses, gt_anchor_deltas):
        cross_entropy = F.cross_entropy(input=anchor_objectnesses, target=gt_anchor_objectnesses)
        # divided by N instead of N x 4
        smooth_l1 = F.smooth_l1_loss(input=anchor_deltas, target=gt_anchor_deltas, reduction='sum')
        smooth_l1 /= len(gt_anchor_deltas)
        return cross_entropy, smooth_l1
