"""part of look-alike project [LG003, LG006, LG014]: the YOLO head returns (raw reshaped conv output, decoded boxes with torch.sigmoid on confidence and classes)."""
# Source: https://github.com/argusswift/YOLOv4-pytorch model/head/yolo_head.py at d34aaab4d03eb0f0121c97b951e2c9baa330794f (issue #89 asked why the head applies sigmoid
# while the loss is BCEWithLogitsLoss: the loss only reads the raw tensor); re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn


class YoloHead(nn.Module):
    def __init__(self, nC, anchors, stride):
        super(YoloHead, self).__init__()
        self.__anchors = anchors
        self.__nA = len(anchors)
        self.__nC = nC
        self.__stride = stride

    def forward(self, p):
        bs, nG = p.shape[0], p.shape[-1]
        p = p.view(bs, self.__nA, 5 + self.__nC, nG, nG).permute(0, 3, 4, 1, 2)
        p_de = self.__decode(p.clone())
        return (p, p_de)

    def __decode(self, p):
        batch_size, output_size = p.shape[:2]
        stride = self.__stride
        anchors = (1.0 * self.__anchors).to(p.device)
        conv_raw_dxdy = p[:, :, :, :, 0:2]
        conv_raw_dwdh = p[:, :, :, :, 2:4]
        conv_raw_conf = p[:, :, :, :, 4:5]
        conv_raw_prob = p[:, :, :, :, 5:]
        y = torch.arange(0, output_size).unsqueeze(1).repeat(1, output_size)
        x = torch.arange(0, output_size).unsqueeze(0).repeat(output_size, 1)
        grid_xy = torch.stack([x, y], dim=-1).unsqueeze(0).unsqueeze(3).repeat(batch_size, 1, 1, 3, 1).float()
        pred_xy = (torch.sigmoid(conv_raw_dxdy) + grid_xy) * stride
        pred_wh = (torch.exp(conv_raw_dwdh) * anchors) * stride
        pred_xywh = torch.cat([pred_xy, pred_wh], dim=-1)
        pred_conf = torch.sigmoid(conv_raw_conf)
        pred_prob = torch.sigmoid(conv_raw_prob)
        pred_bbox = torch.cat([pred_xywh, pred_conf, pred_prob], dim=-1)
        return pred_bbox.view(-1, 5 + self.__nC) if not self.training else pred_bbox
