"""positive [LG010, LG016, LG001]: YOLO detection layer builds nn.MSELoss(size_average=True) / nn.BCELoss(size_average=True) in __init__, and forward applies torch.sigmoid to the objectness scores before self.bce_loss, and to the class scores before self.ce_loss (CrossEntropyLoss: the upstream issue #108, "the class loss never reaches zero"; LG001 marked in round 34)."""
# Source: https://github.com/eriklindernoren/PyTorch-YOLOv3 models.py at the parent of
# f30ab10dc6743066cbfdfa23c8d1a7b8d6193b06 ("fix incorrect class loss calculation"); re-typed, names changed, reduced.
import torch
import torch.nn as nn
from torch.autograd import Variable


class YOLOLayer(nn.Module):
    def __init__(self, anchors, num_classes, img_dim):
        super(YOLOLayer, self).__init__()
        self.anchors = anchors
        self.num_anchors = len(anchors)
        self.num_classes = num_classes
        self.bbox_attrs = 5 + num_classes
        self.image_dim = img_dim
        self.mse_loss = nn.MSELoss(size_average=True)  # expect: LG010
        self.bce_loss = nn.BCELoss(size_average=True)  # expect: LG010
        self.ce_loss = nn.CrossEntropyLoss()

    def forward(self, x, targets=None, build_targets=None):
        nA = self.num_anchors
        nB = x.size(0)
        nG = x.size(2)
        prediction = x.view(nB, nA, self.bbox_attrs, nG, nG).permute(0, 1, 3, 4, 2).contiguous()
        x = torch.sigmoid(prediction[..., 0])
        y = torch.sigmoid(prediction[..., 1])
        w = prediction[..., 2]
        h = prediction[..., 3]
        pred_conf = torch.sigmoid(prediction[..., 4])
        pred_cls = torch.sigmoid(prediction[..., 5:])
        if targets is not None:
            mask, conf_mask, tx, ty, tw, th, tconf, tcls = build_targets(pred_conf.cpu().data, targets.cpu().data)
            mask = Variable(mask.type(torch.ByteTensor))
            conf_mask = Variable(conf_mask.type(torch.ByteTensor))
            tx = Variable(tx.type(torch.FloatTensor), requires_grad=False)
            ty = Variable(ty.type(torch.FloatTensor), requires_grad=False)
            tw = Variable(tw.type(torch.FloatTensor), requires_grad=False)
            th = Variable(th.type(torch.FloatTensor), requires_grad=False)
            tconf = Variable(tconf.type(torch.FloatTensor), requires_grad=False)
            tcls = Variable(tcls.type(torch.LongTensor), requires_grad=False)
            conf_mask_true = mask
            conf_mask_false = conf_mask - mask
            loss_x = self.mse_loss(x[mask], tx[mask])
            loss_y = self.mse_loss(y[mask], ty[mask])
            loss_w = self.mse_loss(w[mask], tw[mask])
            loss_h = self.mse_loss(h[mask], th[mask])
            loss_conf = self.bce_loss(pred_conf[conf_mask_false], tconf[conf_mask_false]) + self.bce_loss(  # expect: LG016
                pred_conf[conf_mask_true], tconf[conf_mask_true]  # expect: LG016
            )
            loss_cls = (1 / nB) * self.ce_loss(pred_cls[mask], torch.argmax(tcls[mask], 1))  # expect: LG001
            loss = loss_x + loss_y + loss_w + loss_h + loss_conf + loss_cls
            return loss, loss_x.item(), loss_conf.item(), loss_cls.item()
        return prediction
