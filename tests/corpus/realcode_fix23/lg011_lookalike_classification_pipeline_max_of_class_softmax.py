"""look-alike [LG011]: the same classification pipeline at the fix commit: the max of model_output.softmax(dim=1) over the classes."""

# Source: Deci-AI/super-gradients@b6499b61c6 src/super_gradients/training/pipelines/pipelines.py (the fix commit; cut, renamed)
from typing import List, Optional

import numpy as np
import torch


class ClassPrediction:
    def __init__(self, confidence: float, label: int, image_shape):
        self.confidence = confidence
        self.label = label
        self.image_shape = image_shape


class ClassificationPipeline:
    def __init__(self, model: torch.nn.Module, class_names: List[str], device: Optional[str] = None):
        self.model = model
        self.class_names = class_names
        self.device = device

    def _decode_model_output(self, model_output: torch.Tensor, model_input: np.ndarray) -> List[ClassPrediction]:
        pred_scores, pred_labels = torch.max(model_output.softmax(dim=1), 1)
        pred_labels = pred_labels.detach().cpu().numpy()
        pred_scores = pred_scores.detach().cpu().numpy()
        predictions = list()
        for prediction, confidence, image_input in zip(pred_labels, pred_scores, model_input):
            predictions.append(ClassPrediction(confidence=float(confidence), label=int(prediction), image_shape=image_input.shape))
        return predictions
