"""part of positive project [LG006]: compute_losses returns the weighted total for backward and, as the logging status, a copy of the network's loss dict, whose values are the per-term loss tensors with their graphs (only 'total_loss' is turned into a float with .item())."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/actors/diffusiontrack.py; re-typed,
# identifiers renamed; the box-format helpers of forward_pass shortened. Issue #2 of the repository ("训练时内存
# 占用一直增加", memory keeps growing during training, 2024-07-24) traced the growth to these loss values being
# logged without .item().
import torch

from . import BaseActor
from lib.utils.box_ops import box_xywh_to_xyxy, box_xyxy_to_cxcywh


class DiffusionTrackActor(BaseActor):
    def __init__(self, net, settings, cfg):
        super().__init__(net)
        self.settings = settings
        self.bs = self.settings.batchsize
        self.seq_format = cfg.DATA.SEQ_FORMAT

    def __call__(self, data):
        outputs, new_targets = self.forward_pass(data)
        loss, status = self.compute_losses(outputs, new_targets)
        return loss, status

    def forward_pass(self, data):
        n, b, _, h, w = data['search_images'].shape
        search = data['search_images'].view(-1, *data['search_images'].shape[2:]).split(b, dim=0)
        template = data['template_images'].view(-1, *data['template_images'].shape[2:]).split(b, dim=0)
        feats = self.net(images_list=template + search, mode='encoder')
        targets = data['search_anno'].permute(1, 0, 2).reshape(-1, data['search_anno'].shape[2])
        targets = box_xyxy_to_cxcywh(torch.clamp(box_xywh_to_xyxy(targets), 0., 1.))
        new_targets, boxes, noises, ts = self.net(targets=targets, mode='prepare_target')
        side = data['search_images'].size()[-1]
        whwh = torch.tensor([[side, side, side, side]], device=boxes.device)
        boxes = boxes * whwh[:, None, :]
        outputs = self.net(xz=feats, boxes=boxes, t=ts, mode="decoder")
        return outputs, new_targets

    def compute_losses(self, outputs, new_targets, return_status=True):
        loss_dict, weight_dict = self.net(outputs=outputs, new_targets=new_targets, mode='compute_loss')
        weighted = {}
        for k in loss_dict.keys():
            if k in weight_dict:
                weighted[k] = loss_dict[k] * weight_dict[k]
        losses = sum(weighted.values())
        status = loss_dict.copy()
        status['total_loss'] = losses.clone().detach().item()
        if return_status:
            return losses, status
        else:
            return losses
