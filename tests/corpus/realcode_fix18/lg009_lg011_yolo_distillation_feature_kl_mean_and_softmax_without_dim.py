"""positive [LG009, LG011]: the YOLO distillation losses: the feature term's KLDivLoss uses reduction='mean' (the mean over every element, not the KL divergence per sample), and its log_softmax / softmax over the channel-summed (batch, height, width) feature maps have no dim, so they normalise over the batch axis; the second function's class term uses reduction='mean' too (the fix flattens the maps, passes dim=1 and uses reduction='sum' divided by the batch size)."""

# Source: SpursLipu/YOLOv3v4-ModelCompression-MultidatasetTraining-Multibackbone@723bd6af4b utils/utils.py, fixed in 33f2e4e89e (cut, renamed)
import torch
import torch.nn as nn

from utils.targets import build_targets


def distill_loss_features(model, targets, out_s, out_t, feats_s, feats_t, batch_size):
    T = 3.0
    w_cls, w_box, w_feat = 0.0001, 0.001, 0.001
    kl_sum = torch.nn.KLDivLoss(reduction="sum")
    kl_feat = torch.nn.KLDivLoss(reduction="mean")  # expect: LG009
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
        feats_t[i] = feats_t[i].abs().sum(1)
        feats_s[i] = feats_s[i].abs().sum(1)
        l_feat += kl_feat(
            nn.functional.log_softmax(feats_s[i] / T),  # expect: LG011
            nn.functional.softmax(feats_t[i] / T),  # expect: LG011
        ) * (T * T) / batch_size
    return l_cls * w_cls + l_box * w_box + l_feat * w_feat


def distill_loss_classes(model, targets, out_s, out_t):
    T = 3.0
    kl = torch.nn.KLDivLoss(reduction="mean")  # expect: LG009
    l_cls = torch.zeros(1)
    for ps, pt in zip(out_s, out_t):
        s_cls = ps[..., 4:].view(-1, model.nc + 1)
        t_cls = pt[..., 4:].view(-1, model.nc + 1)
        l_cls += kl(nn.functional.log_softmax(s_cls / T, dim=1), nn.functional.softmax(t_cls / T, dim=1)) * (T * T)
    return l_cls * 0.1
