"""look-alike [LG009, LG011]: the same distillation losses at the fix commit: KLDivLoss with reduction='sum' divided by the batch size, the feature maps flattened per sample and normalised over dim=1."""

# Source: SpursLipu/YOLOv3v4-ModelCompression-MultidatasetTraining-Multibackbone@33f2e4e89e utils/utils.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn

from utils.targets import build_targets


def distill_loss_features(model, targets, out_s, out_t, feats_s, feats_t, batch_size):
    T = 3.0
    w_cls, w_box, w_feat = 0.0001, 0.001, 0.001
    kl_sum = torch.nn.KLDivLoss(reduction="sum")
    kl_feat = torch.nn.KLDivLoss(reduction="sum")
    ft = torch.cuda.FloatTensor if out_s[0].is_cuda else torch.Tensor
    l_cls, l_box, l_feat = ft([0]), ft([0]), ft([0])
    tcls, tbox, indices, anchors = build_targets(out_s, targets, model)
    for i, (ps, pt) in enumerate(zip(out_s, out_t)):
        b, a, gj, gi = indices[i]
        if len(b):
            s_sub = ps[b, a, gj, gi]
            t_sub = pt[b, a, gj, gi]
            s_box = torch.cat((torch.sigmoid(s_sub[:, 0:2]), torch.exp(s_sub[:, 2:4]) * anchors[i]), 1).view(-1, 4)
            t_box = torch.cat((torch.sigmoid(t_sub[:, 0:2]), torch.exp(t_sub[:, 2:4]) * anchors[i]), 1).view(-1, 4)
            l_box += (s_box - t_box).pow(2).sum(1).sum()
        s_cls = ps[..., 4:].view(-1, model.nc + 1)
        t_cls = pt[..., 4:].view(-1, model.nc + 1)
        l_cls += kl_sum(nn.functional.log_softmax(s_cls / T, dim=1), nn.functional.softmax(t_cls / T, dim=1)) * (T * T) / ps.size(0)
    for i in range(len(feats_t)):
        feats_t[i] = feats_t[i].abs().sum(1).view(feats_t[i].size(0), -1)
        feats_s[i] = feats_s[i].abs().sum(1).view(feats_s[i].size(0), -1)
        l_feat += kl_feat(
            nn.functional.log_softmax(feats_s[i] / T, dim=1),
            nn.functional.softmax(feats_t[i] / T, dim=1),
        ) * (T * T) / batch_size
    return l_cls * w_cls + l_box * w_box + l_feat * w_feat


def distill_loss_classes(model, targets, out_s, out_t):
    T = 3.0
    kl = torch.nn.KLDivLoss(reduction="sum")
    l_cls = torch.zeros(1)
    for ps, pt in zip(out_s, out_t):
        s_cls = ps[..., 4:].view(-1, model.nc + 1)
        t_cls = pt[..., 4:].view(-1, model.nc + 1)
        l_cls += kl(nn.functional.log_softmax(s_cls / T, dim=1), nn.functional.softmax(t_cls / T, dim=1)) * (T * T) / ps.size(0)
    return l_cls * 0.1
