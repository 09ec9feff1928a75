"""positive [LG011]: a classification pipeline takes the max over the classes first and then F.softmax of the (batch,) maxima without dim, which normalises the confidences across the batch (the fix, in a commit titled "propagate imagenet dataset params", takes the max of model_output.softmax(dim=1))."""

# Source: Deci-AI/super-gradients@fb01f1f408 src/super_gradients/training/pipelines/pipelines.py, fixed in b6499b61c6 (cut, renamed)
from typing import List, Optional

import numpy as np
import torch
from torch.nn.functional import softmax


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
        confidence_predictions, classifier_predictions = torch.max(model_output, 1)
        classifier_predictions = classifier_predictions.detach().cpu().numpy()
        confidence_predictions = softmax(confidence_predictions).detach().cpu().numpy()  # expect: LG011
        predictions = list()
        for prediction, confidence, image_input in zip(classifier_predictions, confidence_predictions, model_input):
            predictions.append(ClassPrediction(confidence=float(confidence), label=int(prediction), image_shape=image_input.shape))
        return predictions
