"""part of positive project [LG010]: the text-detection head builds its text, kernel and embedding losses from config entries and calls them with their own reduce=False, collecting the kernel losses of one forward pass in a list that it averages."""
# Source: whai362/pan_pp.pytorch at 674e4d8c, models/head/pan_pp_det_head.py (PAN_PP_DetHead, read as is); re-typed,
# identifiers renamed; the pixel-aggregation post-processing (get_results) cut (build_loss, iou, ohem_batch,
# CoordConv2d as in the source's modules).
import torch
import torch.nn as nn

from ..loss import build_loss, iou, ohem_batch
from ..utils import CoordConv2d


class TextDetHead(nn.Module):
    def __init__(self, in_channels, hidden_dim, num_classes, loss_text, loss_kernel, loss_emb, use_coordconv=False):
        super(TextDetHead, self).__init__()
        if not use_coordconv:
            self.conv1 = nn.Conv2d(in_channels, hidden_dim, kernel_size=3, stride=1, padding=1)
        else:
            self.conv1 = CoordConv2d(in_channels, hidden_dim, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(hidden_dim)
        self.relu1 = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(hidden_dim, num_classes, kernel_size=1, stride=1, padding=0)
        self.text_loss = build_loss(loss_text)
        self.kernel_loss = build_loss(loss_kernel)
        self.emb_loss = build_loss(loss_emb)

    def forward(self, f):
        out = self.conv1(f)
        out = self.relu1(self.bn1(out))
        return self.conv2(out)

    def loss(self, out, gt_texts, gt_kernels, training_masks, gt_instances, gt_bboxes):
        texts = out[:, 0, :, :]
        kernels = out[:, 1:2, :, :]
        embs = out[:, 2:, :, :]
        selected = ohem_batch(texts, gt_texts, training_masks)
        loss_text = self.text_loss(texts, gt_texts, selected, reduce=False)
        iou_text = iou((texts > 0).long(), gt_texts, training_masks, reduce=False)
        losses = {'loss_text': loss_text, 'iou_text': iou_text}
        loss_kernels = []
        selected = gt_texts * training_masks
        for i in range(kernels.size(1)):
            kernel_i = kernels[:, i, :, :]
            gt_kernel_i = gt_kernels[:, i, :, :]
            loss_kernel_i = self.kernel_loss(kernel_i, gt_kernel_i, selected, reduce=False)
            loss_kernels.append(loss_kernel_i)
        loss_kernels = torch.mean(torch.stack(loss_kernels, dim=1), dim=1)
        iou_kernel = iou((kernels[:, -1, :, :] > 0).long(), gt_kernels[:, -1, :, :], training_masks * gt_texts,
                         reduce=False)
        losses.update(dict(loss_kernels=loss_kernels, iou_kernel=iou_kernel))
        loss_emb = self.emb_loss(embs, gt_instances, gt_kernels[:, -1, :, :], training_masks, gt_bboxes,
                                 reduce=False)
        losses.update(dict(loss_emb=loss_emb))
        return losses
