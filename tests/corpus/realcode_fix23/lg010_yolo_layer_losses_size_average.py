"""positive [LG010]: a YOLOv3 layer builds its box and objectness losses as nn.MSELoss(size_average=False) and nn.BCELoss(size_average=False) (the fix, titled "remove depreciated warnings", passes reduction='sum')."""

# Source: ydixon/yolo_v3@3267653b3e yololayer.py, fixed in efcca0a4f8 (cut, renamed; the class term, a sigmoid into BCELoss, and an unused averaged BCELoss left out)
import torch
import torch.nn as nn


class DetectionLayer(nn.Module):
    def __init__(self, anchors, img_dim, num_class):
        super().__init__()
        self.anchors = anchors
        self.img_dim = img_dim
        self.num_class = num_class
        self.bbox_attrib = 5 + num_class
        self.lambda_xy = 1
        self.lambda_wh = 1
        self.lambda_conf = 1
        self.obj_scale = 1
        self.noobj_scale = 1
        self.ignore_thres = 0.5
        self.mseloss = nn.MSELoss(size_average=False)  # expect: LG010
        self.bceloss = nn.BCELoss(size_average=False)  # expect: LG010

    def forward(self, x, img_dim, target=None):
        nB = x.shape[0]
        nA = len(self.anchors)
        nH, nW = x.shape[2], x.shape[3]
        stride = img_dim[1] / nH
        anchors = torch.FloatTensor(self.anchors) / stride
        preds = x.view(nB, nA, self.bbox_attrib, nH, nW).permute(0, 1, 3, 4, 2).contiguous()
        preds_xy = preds[..., :2]
        preds_wh = preds[..., 2:4]
        preds_conf = preds[..., 4].sigmoid()
        mesh_x = torch.arange(nW).repeat(nH, 1).unsqueeze(2)
        mesh_y = torch.arange(nH).repeat(nW, 1).t().unsqueeze(2)
        mesh_xy = torch.cat((mesh_x, mesh_y), 2).float()
        mesh_anchors = anchors.view(1, nA, 1, 1, 2).repeat(1, 1, nH, nW, 1)
        pred_boxes = torch.FloatTensor(preds[..., :4].shape)
        pred_boxes[..., :2] = preds_xy.detach().cpu().sigmoid() + mesh_xy
        pred_boxes[..., 2:4] = preds_wh.detach().cpu().exp() * mesh_anchors
        if target is not None:
            obj_mask, noobj_mask, tx, ty, tw, th = self.build_target_tensor(pred_boxes, target.detach().cpu(), anchors, (nH, nW))
            obj_mask, noobj_mask = obj_mask.cuda(), noobj_mask.cuda()
            tx, ty, tw, th = tx.cuda(), ty.cuda(), tw.cuda(), th.cuda()
            loss_x = self.lambda_xy * self.mseloss(preds_xy[..., 0] * obj_mask, tx * obj_mask) / nB
            loss_y = self.lambda_xy * self.mseloss(preds_xy[..., 1] * obj_mask, ty * obj_mask) / nB
            loss_w = self.lambda_wh * self.mseloss(preds_wh[..., 0] * obj_mask, tw * obj_mask) / nB
            loss_h = self.lambda_wh * self.mseloss(preds_wh[..., 1] * obj_mask, th * obj_mask) / nB
            loss_conf = (
                self.lambda_conf
                * (
                    self.obj_scale * self.bceloss(preds_conf * obj_mask, obj_mask)
                    + self.noobj_scale * self.bceloss(preds_conf * noobj_mask, noobj_mask * 0)
                )
                / nB
            )
            loss = loss_x + loss_y + loss_w + loss_h + loss_conf
            return loss, loss.item()
        return torch.cat((pred_boxes.cuda() * stride, preds_conf.cuda().unsqueeze(4)), 4)
