"""part of positive project [LG012]: FOTSModel (a plain class holding shared convolutions, an EAST-style detector and the CRNN recognizer): in 'united' mode it crops RoIs with RoIRotate, runs the recognizer and returns its scores permuted to (T, B, C) with their lengths."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/model/model.py;
# re-typed, identifiers renamed; summary/optimize helpers shortened and the inference-time box decoding cut to its
# outline. The shared-conv and RoIRotate modules and the bbox toolbox are not included.
import math

import numpy as np
import pretrainedmodels as pm
import torch
import torch.nn as nn
import torch.optim as optim

from ..base import BaseModel
from ..utils.bbox import Toolbox
from .keys import keys
from .modules import shared_conv
from .modules.crnn import CRNN
from .modules.roi_rotate import ROIRotate


class FOTSModel:

    def __init__(self, config):
        self.mode = config['model']['mode']
        backbone = pm.__dict__['resnet50'](pretrained='imagenet')
        self.sharedConv = shared_conv.SharedConv(backbone, config)
        nclass = len(keys) + 1
        self.recognizer = Recognizer(nclass, config)
        self.detector = Detector(config)
        self.roirotate = ROIRotate()

    def parallelize(self):
        self.sharedConv = torch.nn.DataParallel(self.sharedConv)
        self.recognizer = torch.nn.DataParallel(self.recognizer)
        self.detector = torch.nn.DataParallel(self.detector)

    def to(self, device):
        self.sharedConv = self.sharedConv.to(device)
        self.detector = self.detector.to(device)
        self.recognizer = self.recognizer.to(device)

    def summary(self):
        self.sharedConv.summary()
        self.detector.summary()
        self.recognizer.summary()

    def optimize(self, optimizer_type, params):
        return getattr(optim, optimizer_type)(
            [{'params': self.sharedConv.parameters()},
             {'params': self.detector.parameters()},
             {'params': self.recognizer.parameters()}],
            **params)

    def train(self):
        self.sharedConv.train()
        self.detector.train()
        self.recognizer.train()

    def eval(self):
        self.sharedConv.eval()
        self.detector.eval()
        self.recognizer.eval()

    @property
    def training(self):
        return self.sharedConv.training and self.detector.training and self.recognizer.training

    def forward(self, *input):
        image, boxes, mapping = input
        if image.is_cuda:
            device = image.get_device()
        else:
            device = torch.device('cpu')
        feature_map = self.sharedConv.forward(image)
        if self.mode == 'detection':
            score_map, geo_map = self.detector(feature_map)
        if self.mode == 'recognition':
            preds, actual_length, indices = self.recognizer(feature_map)
        if self.mode == 'united':
            score_map, geo_map = self.detector(feature_map)
            if self.training:
                rois, lengths, indices = self.roirotate(feature_map, boxes[:, :8], mapping)
                pred_mapping = mapping
                pred_boxes = boxes
            else:
                score = score_map.permute(0, 2, 3, 1).detach().cpu().numpy()
                geometry = geo_map.permute(0, 2, 3, 1).detach().cpu().numpy()
                pred_boxes = []
                pred_mapping = []
                for i in range(score.shape[0]):
                    bb, _ = Toolbox.detect(score_map=score[i, :, :, 0], geo_map=geometry[i], timer={})
                    if len(bb) > 0:
                        pred_mapping.append(np.array([i] * bb.shape[0]))
                        pred_boxes.append(bb)
                if len(pred_mapping) > 0:
                    pred_boxes = np.concatenate(pred_boxes)
                    pred_mapping = np.concatenate(pred_mapping)
                    rois, lengths, indices = self.roirotate(feature_map, pred_boxes[:, :8], pred_mapping)
                else:
                    return score_map, geo_map, (None, None), pred_boxes, pred_mapping, None
            lengths = torch.tensor(lengths).to(device)
            preds = self.recognizer(rois, lengths)
            preds = preds.permute(1, 0, 2)
        return score_map, geo_map, (preds, lengths), pred_boxes, pred_mapping, indices


class Recognizer(BaseModel):

    def __init__(self, nclass, config):
        super().__init__(config)
        self.crnn = CRNN(8, 32, nclass, 256)

    def forward(self, rois, lengths):
        return self.crnn(rois, lengths)


class Detector(BaseModel):

    def __init__(self, config):
        super().__init__(config)
        self.scoreMap = nn.Conv2d(32, 1, kernel_size=1)
        self.geoMap = nn.Conv2d(32, 4, kernel_size=1)
        self.angleMap = nn.Conv2d(32, 1, kernel_size=1)

    def forward(self, *input):
        final, = input
        score = torch.sigmoid(self.scoreMap(final))
        geoMap = torch.sigmoid(self.geoMap(final)) * 512
        angleMap = (torch.sigmoid(self.angleMap(final)) - 0.5) * math.pi / 2
        geometry = torch.cat([geoMap, angleMap], dim=1)
        return score, geometry
