"""part of look-alike project [LG003, LG006, LG014]: Build_Model runs the backbone and three heads and returns the zipped (raw, decoded) tuples."""
# Source: https://github.com/argusswift/YOLOv4-pytorch model/build_model.py at d34aaab4d03eb0f0121c97b951e2c9baa330794f; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn

import config.yolov4_config as cfg
from model.YOLOv4 import YOLOv4
from model.head.yolo_head import YoloHead


class BuildModel(nn.Module):
    def __init__(self, weight_path=None, resume=False):
        super(BuildModel, self).__init__()
        self.__anchors = torch.FloatTensor(cfg.MODEL["ANCHORS"])
        self.__strides = torch.FloatTensor(cfg.MODEL["STRIDES"])
        self.__nC = cfg.VOC_DATA["NUM"]
        self.__out_channel = cfg.MODEL["ANCHORS_PER_SCLAE"] * (self.__nC + 5)
        self.__yolov4 = YOLOv4(weight_path=weight_path, out_channels=self.__out_channel, resume=resume)
        self.__head_s = YoloHead(nC=self.__nC, anchors=self.__anchors[0], stride=self.__strides[0])
        self.__head_m = YoloHead(nC=self.__nC, anchors=self.__anchors[1], stride=self.__strides[1])
        self.__head_l = YoloHead(nC=self.__nC, anchors=self.__anchors[2], stride=self.__strides[2])

    def forward(self, x):
        out = []
        [x_s, x_m, x_l], atten = self.__yolov4(x)
        out.append(self.__head_s(x_s))
        out.append(self.__head_m(x_m))
        out.append(self.__head_l(x_l))
        if self.training:
            p, p_d = list(zip(*out))
            return p, p_d
        p, p_d = list(zip(*out))
        return p, torch.cat(p_d, 0)
