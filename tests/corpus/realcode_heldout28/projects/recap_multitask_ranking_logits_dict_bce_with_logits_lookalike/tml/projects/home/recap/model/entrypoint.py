"""part of look-alike project [LG003, LG004, LG005]: the multi-task ranking model runs a shared backbone and one tower per task, maps each tower's output through an optional 1x1 affine map, and returns a dict of the stacked logits, their sigmoid probabilities and calibrated probabilities."""
# Source: twitter/the-algorithm-ml at b8521086, projects/home/recap/model/entrypoint.py (read as is); re-typed,
# identifiers renamed; the feature preprocessor, the embedding tables, the Twhin layer norms, position debiasing and the
# DCN / MaskNet towers shortened (feature_transform, numeric_calibration as in the source's modules).
from typing import Callable, Dict, Optional

import torch
from absl import logging

from tml.projects.home.recap.model import feature_transform, numeric_calibration
from tml.projects.home.recap.model import mlp
from tml.projects.home.recap.model.model_and_loss import ModelWithLoss


def sanitize(task_name):
    return task_name.replace(".", "__")


def _build_tower(task, input_shape: int):
    if task.mlp_config:
        return mlp.Mlp(in_features=input_shape, mlp_config=task.mlp_config)
    raise ValueError("This should never be reached.")


class MultiTaskRanker(torch.nn.Module):
    def __init__(self, input_shapes, config, data_config, return_backbone: bool = False):
        super().__init__()
        self._config = config
        self._data_config = data_config
        self._pre = feature_transform.build_features_preprocessor(config.featurization_config, input_shapes)
        self.return_backbone = return_backbone
        in_dims = input_shapes["continuous"][-1] + input_shapes["binary"][-1]
        self._backbone = _build_tower(config.backbone, in_dims)
        towers: Dict[str, torch.nn.Module] = {}
        calibrators: Dict[str, torch.nn.Module] = {}
        affines: Dict[str, torch.nn.Module] = {}
        for task_name, arch in config.tasks.items():
            key = sanitize(task_name)
            towers[key] = _build_tower(arch, self._backbone.out_features)
            if arch.affine_map:
                aff = torch.nn.Linear(1, 1)
                aff.weight.data = torch.tensor([[arch.affine_map.scale]])
                aff.bias.data = torch.tensor([arch.affine_map.bias])
                affines[key] = aff
            else:
                affines[key] = torch.nn.Identity()
            calibrators[key] = numeric_calibration.NumericCalibration(
                pos_downsampling_rate=data_config.tasks[task_name].pos_downsampling_rate,
                neg_downsampling_rate=data_config.tasks[task_name].neg_downsampling_rate,
            )
        self._task_names = list(config.tasks.keys())
        self._towers = torch.nn.ModuleDict(towers)
        self._affine_maps = torch.nn.ModuleDict(affines)
        self._calibrators = torch.nn.ModuleDict(calibrators)

    def forward(self, continuous_features, binary_features, discrete_features=None, sparse_features=None,
                user_embedding=None, user_eng_embedding=None, author_embedding=None, labels=None, weights=None):
        dense = torch.cat([self._pre(continuous_features=continuous_features, binary_features=binary_features)], dim=1)
        net = self._backbone(dense)["output"]
        backbone_out = net
        all_logits = []
        all_probs = []
        all_calibrated = []
        for task_name in self._task_names:
            key = sanitize(task_name)
            tower_out = self._towers[key](net)
            logits = tower_out["output"]
            scaled = self._affine_maps[key](logits)
            probs = torch.sigmoid(scaled)
            calibrated = self._calibrators[key](probs)
            all_logits.append(scaled)
            all_probs.append(probs)
            all_calibrated.append(calibrated)
        results = {
            "logits": torch.squeeze(torch.stack(all_logits, dim=1), dim=-1),
            "probabilities": torch.squeeze(torch.stack(all_probs, dim=1), dim=-1),
            "calibrated_probabilities": torch.squeeze(torch.stack(all_calibrated, dim=1), dim=-1),
        }
        if self.return_backbone:
            results["backbone"] = backbone_out
        return results


def create_ranking_model(data_spec, config, device: torch.device, loss_fn: Optional[Callable] = None,
                         data_config=None, return_backbone=False):
    model = MultiTaskRanker(input_shapes=data_spec, config=config.model,
                            data_config=data_config if data_config is not None else config.train_data,
                            return_backbone=return_backbone)
    logging.info(model)
    if loss_fn:
        model = ModelWithLoss(model=model, loss_fn=loss_fn, stratifiers=config.model.stratifiers)
    return model
