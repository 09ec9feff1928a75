"""part of positive project [LG006]: few-shot CenterNet losses written by hand: a penalty-reduced focal loss on the class heatmaps and an L1 loss on sizes and offsets at the object centres, both vmapped over the batch."""
# Source: MarcelloCeresini/FSOD_CenterNet at f9f61585 ("added train loop": the loop as first written; its descendants up to 9668aacf, the parent of the fix 8a057ab4, keep both additions behind a raise NotImplementedError("still havent decided which one to use"), and 8a057ab4 keeps only loss.item()), src/training/losses.py;
# re-typed, identifiers renamed.
import torch as T
from torch.func import vmap

from ..model.config import Config

conf = Config()


def heatmap_loss(pred_heatmap, gt_heatmap, num_keypoints):
    loss = T.sum(T.where(gt_heatmap == 1,
                         (1 - pred_heatmap) ** conf.alpha_loss * T.log(pred_heatmap),
                         (1 - gt_heatmap) ** conf.beta_loss * (pred_heatmap) ** conf.alpha_loss * T.log(1 - pred_heatmap)))
    return -loss / num_keypoints


def heatmap_loss_batched():
    return vmap(heatmap_loss)


def reg_loss(pred_reg, gt_reg, num_keypoints):
    pred_size, gt_size = pred_reg[0:2], gt_reg[0:2]
    pred_offset, gt_offset = pred_reg[2:4], gt_reg[2:4]
    loss_size = T.sum(T.where(gt_size, T.abs(pred_size - gt_size), 0))
    loss_offset = T.sum(T.where(gt_offset, T.abs(pred_offset - gt_offset), 0))
    return (loss_size * conf.lambda_size_loss + loss_offset * conf.lambda_offset_loss) / num_keypoints


def reg_loss_batched():
    return vmap(reg_loss)
