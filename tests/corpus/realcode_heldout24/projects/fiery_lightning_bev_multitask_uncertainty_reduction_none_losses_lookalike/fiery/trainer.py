"""part of look-alike project [LG001, LG006, LG013, LG015]: the LightningModule keeps its losses in an nn.ModuleDict, weights each task by a learnable uncertainty parameter, collects the weighted terms in a fresh dict per step and returns sum(loss.values()) from training_step; segmentation labels are warped as float and cast back with .long()."""
# Source: wayveai/fiery at fd03f164 (read as is; issue #2 asks about its uncertainty loss terms), fiery/trainer.py;
# re-typed, identifiers renamed; label warping shortened to the segmentation, centre and offset labels, the flow
# branch, metrics and visualisation cut. The Fiery model, config and geometry helpers are not included.
import pytorch_lightning as pl
import torch
import torch.nn as nn

from fiery.config import get_cfg
from fiery.losses import ProbabilisticLoss, SegmentationLoss, SpatialRegressionLoss
from fiery.models.fiery import Fiery
from fiery.utils.geometry import cumulative_warp_features_reverse


class BEVTrainingModule(pl.LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.hparams = hparams
        cfg = get_cfg(cfg_dict=self.hparams)
        self.cfg = cfg
        self.n_classes = len(self.cfg.SEMANTIC_SEG.WEIGHTS)
        self.spatial_extent = (self.cfg.LIFT.X_BOUND[1], self.cfg.LIFT.Y_BOUND[1])
        self.model = Fiery(cfg)

        self.losses_fn = nn.ModuleDict()
        self.losses_fn['segmentation'] = SegmentationLoss(
            class_weights=torch.Tensor(self.cfg.SEMANTIC_SEG.WEIGHTS),
            use_top_k=self.cfg.SEMANTIC_SEG.USE_TOP_K,
            top_k_ratio=self.cfg.SEMANTIC_SEG.TOP_K_RATIO,
            future_discount=self.cfg.FUTURE_DISCOUNT,
        )
        self.model.segmentation_weight = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.losses_fn['instance_center'] = SpatialRegressionLoss(norm=2, future_discount=self.cfg.FUTURE_DISCOUNT)
        self.losses_fn['instance_offset'] = SpatialRegressionLoss(
            norm=1, future_discount=self.cfg.FUTURE_DISCOUNT, ignore_index=self.cfg.DATASET.IGNORE_INDEX)
        self.model.centerness_weight = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        self.model.offset_weight = nn.Parameter(torch.tensor(0.0), requires_grad=True)
        if self.cfg.PROBABILISTIC.ENABLED:
            self.losses_fn['probabilistic'] = ProbabilisticLoss()
        self.training_step_count = 0

    def shared_step(self, batch, is_train):
        image = batch['image']
        intrinsics = batch['intrinsics']
        extrinsics = batch['extrinsics']
        future_egomotion = batch['future_egomotion']
        labels, future_distribution_inputs = self.prepare_future_labels(batch)
        output = self.model(image, intrinsics, extrinsics, future_egomotion, future_distribution_inputs)

        loss = {}
        segmentation_factor = 1 / torch.exp(self.model.segmentation_weight)
        loss['segmentation'] = segmentation_factor * self.losses_fn['segmentation'](
            output['segmentation'], labels['segmentation'])
        loss['segmentation_uncertainty'] = 0.5 * self.model.segmentation_weight
        centerness_factor = 1 / (2 * torch.exp(self.model.centerness_weight))
        loss['instance_center'] = centerness_factor * self.losses_fn['instance_center'](
            output['instance_center'], labels['centerness'])
        offset_factor = 1 / (2 * torch.exp(self.model.offset_weight))
        loss['instance_offset'] = offset_factor * self.losses_fn['instance_offset'](
            output['instance_offset'], labels['offset'])
        loss['centerness_uncertainty'] = 0.5 * self.model.centerness_weight
        loss['offset_uncertainty'] = 0.5 * self.model.offset_weight
        if self.cfg.PROBABILISTIC.ENABLED:
            loss['probabilistic'] = self.cfg.PROBABILISTIC.WEIGHT * self.losses_fn['probabilistic'](output)
        return output, labels, loss

    def prepare_future_labels(self, batch):
        labels = {}
        future_distribution_inputs = []
        rf = self.model.receptive_field
        future_egomotion = batch['future_egomotion']
        segmentation_labels = cumulative_warp_features_reverse(
            batch['segmentation'][:, (rf - 1):].float(), future_egomotion[:, (rf - 1):],
            mode='nearest', spatial_extent=self.spatial_extent,
        ).long().contiguous()
        labels['segmentation'] = segmentation_labels
        future_distribution_inputs.append(segmentation_labels)
        labels['centerness'] = cumulative_warp_features_reverse(
            batch['centerness'][:, (rf - 1):], future_egomotion[:, (rf - 1):],
            mode='nearest', spatial_extent=self.spatial_extent,
        ).contiguous()
        labels['offset'] = cumulative_warp_features_reverse(
            batch['offset'][:, (rf - 1):], future_egomotion[:, (rf - 1):],
            mode='nearest', spatial_extent=self.spatial_extent,
        ).contiguous()
        future_distribution_inputs.append(labels['centerness'])
        future_distribution_inputs.append(labels['offset'])
        future_distribution_inputs = torch.cat(future_distribution_inputs, dim=2)
        return labels, future_distribution_inputs

    def training_step(self, batch, batch_idx):
        output, labels, loss = self.shared_step(batch, True)
        self.training_step_count += 1
        for key, value in loss.items():
            self.logger.experiment.add_scalar(key, value, global_step=self.training_step_count)
        return sum(loss.values())

    def validation_step(self, batch, batch_idx):
        output, labels, loss = self.shared_step(batch, False)
        for key, value in loss.items():
            self.log('val_' + key, value)

    def configure_optimizers(self):
        return torch.optim.Adam(self.model.parameters(), lr=self.cfg.OPTIMIZER.LR,
                                weight_decay=self.cfg.OPTIMIZER.WEIGHT_DECAY)
