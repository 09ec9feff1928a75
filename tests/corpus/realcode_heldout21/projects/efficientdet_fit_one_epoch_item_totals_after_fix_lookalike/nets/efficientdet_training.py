"""part of look-alike project [LG006]: FocalLoss.forward builds per-image classification and regression losses in lists local to the call and returns (loss, c_loss, r_loss), three scalars that all hold the graph."""
# Source: bubbliiiing/efficientdet-pytorch at 77539a58 (read as is), nets/efficientdet_training.py; re-typed,
# identifiers renamed; the box encoding helper shortened, the data generator and image augmentation cut.
import torch
import torch.nn as nn


def calc_iou(a, b):
    area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    iw = torch.min(torch.unsqueeze(a[:, 3], dim=1), b[:, 2]) - torch.max(torch.unsqueeze(a[:, 1], 1), b[:, 0])
    ih = torch.min(torch.unsqueeze(a[:, 2], dim=1), b[:, 3]) - torch.max(torch.unsqueeze(a[:, 0], 1), b[:, 1])
    iw = torch.clamp(iw, min=0)
    ih = torch.clamp(ih, min=0)
    ua = torch.unsqueeze((a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1]), dim=1) + area - iw * ih
    ua = torch.clamp(ua, min=1e-8)
    return iw * ih / ua


def get_target(anchor, boxes, cls, cuda):
    iou = calc_iou(anchor[:, :], boxes[:, :4])
    iou_max, iou_arg = torch.max(iou, dim=1)
    t = torch.ones_like(cls) * -1
    if cuda:
        t = t.cuda()
    t[torch.lt(iou_max, 0.4), :] = 0
    pos = torch.ge(iou_max, 0.5)
    n_pos = pos.sum()
    assigned = boxes[iou_arg, :]
    t[pos, :] = 0
    t[pos, assigned[pos, 4].long()] = 1
    return t, n_pos, pos, assigned


def encode_bbox(assigned, pos, aw, ah, ax, ay):
    assigned = assigned[pos, :]
    gw = torch.clamp(assigned[:, 2] - assigned[:, 0], min=1)
    gh = torch.clamp(assigned[:, 3] - assigned[:, 1], min=1)
    gx = assigned[:, 0] + 0.5 * gw
    gy = assigned[:, 1] + 0.5 * gh
    dx = (gx - ax[pos]) / aw[pos]
    dy = (gy - ay[pos]) / ah[pos]
    dw = torch.log(gw / aw[pos])
    dh = torch.log(gh / ah[pos])
    return torch.stack((dy, dx, dh, dw)).t()


class FocalLoss(nn.Module):
    def __init__(self):
        super(FocalLoss, self).__init__()

    def forward(self, classifications, regressions, anchors, annotations, alpha=0.25, gamma=2.0, cuda=True):
        dtype = regressions.dtype
        n = classifications.shape[0]
        cls_losses = []
        reg_losses = []

        anchor = anchors[0, :, :].to(dtype)
        aw = anchor[:, 3] - anchor[:, 1]
        ah = anchor[:, 2] - anchor[:, 0]
        ax = anchor[:, 1] + 0.5 * aw
        ay = anchor[:, 0] + 0.5 * ah

        for j in range(n):
            boxes = annotations[j]
            cls = classifications[j, :, :]
            reg = regressions[j, :, :]
            cls = torch.clamp(cls, 1e-4, 1.0 - 1e-4)

            if len(boxes) == 0:
                a = torch.ones_like(cls) * alpha
                if cuda:
                    a = a.cuda()
                a = 1.0 - a
                fw = a * torch.pow(cls, gamma)
                bce = -(torch.log(1.0 - cls))
                reg_losses.append(torch.tensor(0).to(dtype).cuda() if cuda else torch.tensor(0).to(dtype))
                cls_losses.append((fw * bce).sum())
                continue

            t, n_pos, pos, assigned = get_target(anchor, boxes, cls, cuda)
            a = torch.ones_like(t) * alpha
            if cuda:
                a = a.cuda()
            a = torch.where(torch.eq(t, 1.0), a, 1.0 - a)
            fw = torch.where(torch.eq(t, 1.0), 1.0 - cls, cls)
            fw = a * torch.pow(fw, gamma)

            bce = -(t * torch.log(cls) + (1.0 - t) * torch.log(1.0 - cls))
            cl = fw * bce
            zeros = torch.zeros_like(cl)
            if cuda:
                zeros = zeros.cuda()
            cl = torch.where(torch.ne(t, -1.0), cl, zeros)
            cls_losses.append(cl.sum() / torch.clamp(n_pos.to(dtype), min=1.0))

            if pos.sum() > 0:
                tb = encode_bbox(assigned, pos, aw, ah, ax, ay)
                diff = torch.abs(tb - reg[pos, :])
                rl = torch.where(torch.le(diff, 1.0 / 9.0), 0.5 * 9.0 * torch.pow(diff, 2), diff - 0.5 / 9.0)
                reg_losses.append(rl.mean())
            else:
                reg_losses.append(torch.tensor(0).to(dtype).cuda() if cuda else torch.tensor(0).to(dtype))

        c_loss = torch.stack(cls_losses).mean()
        r_loss = torch.stack(reg_losses).mean()
        loss = c_loss + r_loss
        return loss, c_loss, r_loss
