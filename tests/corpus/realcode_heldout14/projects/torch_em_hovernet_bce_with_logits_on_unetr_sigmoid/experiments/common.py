"""part of positive project [LG003]: the HoVer-Net style loss scores the foreground channel with nn.BCEWithLogitsLoss (and a logits dice)."""
# Source: constantinpape/torch-em at dfde97fd ("Fix minor issues with hovernet loss", which switched the loss to logits
# while UNETR still ended in nn.Sigmoid; the sigmoid became optional, default None, in 83f87fff), experiments/vision-transformer/unetr/livecell/common.py; re-typed, identifiers renamed; data loaders, the
# distance-map label transform, the Sobel-gradient term and the affinity losses cut.
import torch
import torch.nn as nn

from torch_em.loss.dice import DiceLoss, DiceLossWithLogits
from torch_em.model import UNETR


def get_unetr_model(model_name, patch_shape, sam_initialization, output_channels):
    return UNETR(encoder=model_name, out_channels=output_channels,
                 encoder_checkpoint_path=CHECKPOINTS[model_name] if sam_initialization else None)


class HoVerNetLoss(nn.Module):
    def __init__(self, compute_dice=None, compute_mse=None, compute_bce=None, device=None):
        super().__init__()
        self.compute_dice = DiceLossWithLogits() if compute_dice is None else compute_dice
        self.compute_mse = nn.MSELoss() if compute_mse is None else compute_mse
        self.compute_bce = nn.BCEWithLogitsLoss() if compute_bce is None else compute_bce
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")

    def get_np_branch_loss(self, input_, target):
        dice_loss = self.compute_dice(input_, target)
        bce_loss = self.compute_bce(input_, target)  # expect: LG003
        return dice_loss + bce_loss

    def get_hv_branch_loss(self, input_, target, focus):
        mse_loss = self.compute_mse(input_, target)
        return mse_loss

    def forward(self, input_, target):
        assert input_.ndim == target.ndim == 3, input_.ndim
        assert input_.shape[0] == target.shape[0] == 3, input_.shape
        fg_input_, fg_target = input_[0], target[0]
        binary_channel_loss = self.get_np_branch_loss(fg_input_, fg_target)
        hv_input_, hv_target = input_[1:], target[1:]
        distances_channel_loss = self.get_hv_branch_loss(hv_input_, hv_target, focus=fg_target)
        return binary_channel_loss + distances_channel_loss


def get_loss_function(with_affinities=False, with_distance_maps=False):
    if with_distance_maps:
        return HoVerNetLoss()
    return DiceLoss()
