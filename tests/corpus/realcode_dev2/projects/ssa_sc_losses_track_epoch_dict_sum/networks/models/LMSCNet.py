"""part of positive project [LG006]: LMSCNet.compute_loss returns a dict of four weighted CrossEntropyLoss terms and their mean, all graph-carrying."""
# Source: https://github.com/jokester-zzz/SSA-SC networks/models/LMSCNet.py at ed5298dabf0ab9b1675031b04e62080664e673ad; re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class LMSCNet(nn.Module):
    def __init__(self, class_num, input_dimensions, class_frequencies):
        super().__init__()
        self.nbr_classes = class_num
        self.class_frequencies = class_frequencies
        f = input_dimensions[1]
        self.seg_head_1_1 = nn.Conv3d(f, class_num, 3, padding=1)

    def forward(self, x):
        out = self.seg_head_1_1(x["3D_OCCUPANCY"])
        return {"pred_semantic_1_1": out, "pred_semantic_1_2": out, "pred_semantic_1_4": out, "pred_semantic_1_8": out}

    def compute_loss(self, scores, data):
        target = data["3D_LABEL"]["1_1"]
        device, dtype = target.device, target.dtype
        class_weights = self.get_class_weights().to(device=target.device, dtype=target.dtype)
        criterion = nn.CrossEntropyLoss(weight=class_weights, ignore_index=255, reduction="mean").to(device=device)
        loss_1_1 = criterion(scores["pred_semantic_1_1"], data["3D_LABEL"]["1_1"].long())
        loss_1_2 = criterion(scores["pred_semantic_1_2"], data["3D_LABEL"]["1_2"].long())
        loss_1_4 = criterion(scores["pred_semantic_1_4"], data["3D_LABEL"]["1_4"].long())
        loss_1_8 = criterion(scores["pred_semantic_1_8"], data["3D_LABEL"]["1_8"].long())
        loss_total = (loss_1_1 + loss_1_2 + loss_1_4 + loss_1_8) / 4
        loss = {"total": loss_total, "semantic_1_1": loss_1_1, "semantic_1_2": loss_1_2, "semantic_1_4": loss_1_4, "semantic_1_8": loss_1_8}
        return loss

    def get_class_weights(self):
        epsilon_w = 0.001
        return torch.from_numpy(1 / np.log(self.class_frequencies + epsilon_w))

    def get_train_loss_keys(self):
        return ["total", "semantic_1_1", "semantic_1_2", "semantic_1_4", "semantic_1_8"]

    def get_scales(self):
        return ["1_1", "1_2", "1_4", "1_8"]
