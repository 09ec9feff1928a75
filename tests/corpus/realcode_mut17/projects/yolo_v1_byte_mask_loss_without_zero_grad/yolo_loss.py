"""part of positive project [LG014]: a YOLO v1 loss that builds its masks with torch.cuda.ByteTensor and clears them with zero_()."""

# Source: abeardear/pytorch-YOLO-v1@823c45185a yoloLoss.py (yoloLoss.forward, re-typed; the IoU matching of the responsible box cut)
import torch
import torch.nn as nn
import torch.nn.functional as F


class YoloLoss(nn.Module):
    def __init__(self, S, B, l_coord, l_noobj):
        super().__init__()
        self.S = S
        self.B = B
        self.l_coord = l_coord
        self.l_noobj = l_noobj

    def forward(self, pred_tensor, target_tensor):
        N = pred_tensor.size()[0]
        coo_mask = (target_tensor[:, :, :, 4] > 0).unsqueeze(-1).expand_as(target_tensor)
        noo_mask = (target_tensor[:, :, :, 4] == 0).unsqueeze(-1).expand_as(target_tensor)
        coo_pred = pred_tensor[coo_mask].view(-1, 30)
        coo_target = target_tensor[coo_mask].view(-1, 30)
        noo_pred = pred_tensor[noo_mask].view(-1, 30)
        noo_target = target_tensor[noo_mask].view(-1, 30)
        noo_pred_mask = torch.cuda.ByteTensor(noo_pred.size())
        noo_pred_mask.zero_()
        noo_pred_mask[:, 4] = 1
        noo_pred_mask[:, 9] = 1
        noobj_loss = F.mse_loss(noo_pred[noo_pred_mask], noo_target[noo_pred_mask], reduction="sum")
        box_pred = coo_pred[:, :10].contiguous().view(-1, 5)
        box_target = coo_target[:, :10].contiguous().view(-1, 5)
        loc_loss = F.mse_loss(box_pred[:, :2], box_target[:, :2], reduction="sum")
        class_loss = F.mse_loss(coo_pred[:, 10:], coo_target[:, 10:], reduction="sum")
        return (self.l_coord * loc_loss + self.l_noobj * noobj_loss + class_loss) / N
