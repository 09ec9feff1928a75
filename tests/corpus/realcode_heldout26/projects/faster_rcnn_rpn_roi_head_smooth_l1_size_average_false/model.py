"""part of positive project [LG010]: Faster R-CNN on VGG16: the RoI head's Linear class scores go to F.cross_entropy, and both box-regression losses call F.smooth_l1_loss(..., size_average=False) and divide by the sample count."""
# Source: potterhsu/easy-faster-rcnn.pytorch at 7a7ffc21 (the parent of 9fc2ecd5 "Migrate to PyTorch 0.4.1", which
# replaces size_average=False with reduction='sum'), model.py;
# re-typed, identifiers renamed; the forward input / output holder classes kept, the proposal sampling shortened to a
# call, detect(), save() and load() cut.
import numpy as np
import torch
import torchvision.models
from torch import FloatTensor
from torch import nn
from torch.autograd import Variable
from torch.nn import functional as F

from rpn.region_proposal_network import ProposalNet


class Detector(nn.Module):
    NUM_CLASSES = 21

    class TrainOutput(object):
        def __init__(self, anchor_objectness_loss, anchor_delta_loss, proposal_class_loss, proposal_delta_loss):
            self.anchor_objectness_loss = anchor_objectness_loss
            self.anchor_delta_loss = anchor_delta_loss
            self.proposal_class_loss = proposal_class_loss
            self.proposal_delta_loss = proposal_delta_loss

    def __init__(self):
        super().__init__()
        vgg16 = torchvision.models.vgg16(pretrained=True)
        features = list(vgg16.features.children())
        for params in [f.parameters() for i, f in enumerate(features) if i < 10]:
            for p in params:
                p.requires_grad = False
        features.pop()
        self.features = nn.Sequential(*features)
        self.rpn = ProposalNet()
        self.head = RoIHead()

    def forward(self, image, gt_classes=None, gt_bboxes=None):
        image = Variable(image, volatile=not self.training).unsqueeze(dim=0)
        image_height, image_width = image.shape[2], image.shape[3]
        features = self.features(image)
        anchor_bboxes, anchor_objectnesses, anchor_deltas, proposal_bboxes = self.rpn.forward(features, image_width, image_height)
        if self.training:
            anchor_objectnesses, anchor_deltas, gt_anchor_objectnesses, gt_anchor_deltas = self.rpn.sample(
                anchor_bboxes, anchor_objectnesses, anchor_deltas, gt_bboxes, image_width, image_height)
            anchor_objectness_loss, anchor_delta_loss = self.rpn.loss(anchor_objectnesses, anchor_deltas,
                                                                      gt_anchor_objectnesses, gt_anchor_deltas)
            proposal_bboxes, gt_proposal_classes, gt_proposal_deltas = sample_proposals(proposal_bboxes, gt_classes, gt_bboxes)
            proposal_classes, proposal_deltas = self.head.forward(features, proposal_bboxes)
            proposal_class_loss, proposal_delta_loss = self.loss(proposal_classes, proposal_deltas, gt_proposal_classes,
                                                                 gt_proposal_deltas)
            return Detector.TrainOutput(anchor_objectness_loss, anchor_delta_loss, proposal_class_loss, proposal_delta_loss)
        proposal_classes, proposal_deltas = self.head.forward(features, proposal_bboxes)
        return proposal_bboxes, proposal_classes, proposal_deltas

    def loss(self, proposal_classes, proposal_deltas, gt_proposal_classes, gt_proposal_deltas):
        cross_entropy = F.cross_entropy(input=proposal_classes, target=gt_proposal_classes)
        proposal_deltas = proposal_deltas.view(-1, Detector.NUM_CLASSES, 4)
        proposal_deltas = proposal_deltas[torch.arange(0, len(proposal_deltas)).long().cuda(), gt_proposal_classes]
        fg_indices = np.where(gt_proposal_classes.data.cpu().numpy() > 0)[0]
        in_weight = np.zeros((len(proposal_deltas), 4))
        in_weight[fg_indices] = 1
        in_weight = Variable(FloatTensor(in_weight)).cuda()
        proposal_deltas = proposal_deltas * in_weight
        gt_proposal_deltas = gt_proposal_deltas * in_weight
        smooth_l1 = F.smooth_l1_loss(input=proposal_deltas, target=gt_proposal_deltas, size_average=False)  # expect: LG010
        smooth_l1 /= len(gt_proposal_deltas)
        return cross_entropy, smooth_l1


class RoIHead(nn.Module):

    def __init__(self):
        super().__init__()
        self.fcs = nn.Sequential(nn.Linear(512 * 7 * 7, 4096), nn.ReLU(), nn.Linear(4096, 4096), nn.ReLU())
        self._class = nn.Linear(4096, Detector.NUM_CLASSES)
        self._deltas = nn.Linear(4096, Detector.NUM_CLASSES * 4)

    def forward(self, features, proposal_bboxes):
        _, _, fm_height, fm_width = features.size()
        pool = []
        for box in proposal_bboxes:
            x0 = max(min(round(float(box[0]) / 16), fm_width - 1), 0)
            y0 = max(min(round(float(box[1]) / 16), fm_height - 1), 0)
            x1 = max(min(round(float(box[2]) / 16) + 1, fm_width), 1)
            y1 = max(min(round(float(box[3]) / 16) + 1, fm_height), 1)
            pool.append(F.adaptive_max_pool2d(features[..., y0:y1, x0:x1], 7))
        pool = torch.cat(pool, dim=0)
        h = self.fcs(pool.view(pool.shape[0], -1))
        return self._class(h), self._deltas(h)
