"""part of positive project [LG010]: PAN++ runs the backbone and FPEM necks, computes the detection head's per-image losses and, with a recognition head, the recognition loss with reduce=False on the cropped word features, and returns them all in one dict for the trainer to average."""
# Source: whai362/pan_pp.pytorch at 674e4d8c, models/pan_pp.py (PAN_PP, read as is); re-typed, identifiers renamed; the speed
# reports and the inference branch shortened (build_backbone, build_head, build_neck, Conv_BN_ReLU as in the source's
# modules).
import torch
import torch.nn as nn
import torch.nn.functional as F

from .backbone import build_backbone
from .head import build_head
from .neck import build_neck
from .utils import Conv_BN_ReLU


class TextSpotter(nn.Module):
    def __init__(self, backbone, neck, detection_head, recognition_head=None):
        super(TextSpotter, self).__init__()
        self.backbone = build_backbone(backbone)
        c = neck.in_channels
        self.reduce_layer4 = Conv_BN_ReLU(c[3], 128)
        self.reduce_layer3 = Conv_BN_ReLU(c[2], 128)
        self.reduce_layer2 = Conv_BN_ReLU(c[1], 128)
        self.reduce_layer1 = Conv_BN_ReLU(c[0], 128)
        self.fpem1 = build_neck(neck)
        self.fpem2 = build_neck(neck)
        self.det_head = build_head(detection_head)
        self.rec_head = None
        if recognition_head:
            self.rec_head = build_head(recognition_head)

    def _upsample(self, x, size, scale=1):
        _, _, H, W = size
        return F.interpolate(x, size=(H // scale, W // scale), mode='bilinear')

    def forward(self, imgs, gt_texts=None, gt_kernels=None, training_masks=None, gt_instances=None, gt_bboxes=None,
                gt_words=None, word_masks=None, img_metas=None, cfg=None):
        outputs = dict()
        f = self.backbone(imgs)
        f1 = self.reduce_layer1(f[0])
        f2 = self.reduce_layer2(f[1])
        f3 = self.reduce_layer3(f[2])
        f4 = self.reduce_layer4(f[3])
        f1, f2, f3, f4 = self.fpem1(f1, f2, f3, f4)
        f1, f2, f3, f4 = self.fpem2(f1, f2, f3, f4)
        f2 = self._upsample(f2, f1.size())
        f3 = self._upsample(f3, f1.size())
        f4 = self._upsample(f4, f1.size())
        f = torch.cat((f1, f2, f3, f4), 1)
        out_det = self.det_head(f)
        if self.training:
            out_det = self._upsample(out_det, imgs.size())
            loss_det = self.det_head.loss(out_det, gt_texts, gt_kernels, training_masks, gt_instances, gt_bboxes)
            outputs.update(loss_det)
        if self.rec_head is not None and self.training:
            crops, words = self.rec_head.extract_feature(f, (imgs.size(2), imgs.size(3)),
                                                         gt_instances * training_masks, gt_bboxes, gt_words,
                                                         word_masks)
            if crops is not None:
                out_rec = self.rec_head(crops, words)
                loss_rec = self.rec_head.loss(out_rec, words, reduce=False)
            else:
                loss_rec = {'loss_rec': f.new_full((1,), -1, dtype=torch.float32),
                            'acc_rec': f.new_full((1,), -1, dtype=torch.float32)}
            outputs.update(loss_rec)
        return outputs
