"""look-alike [LG003, LG016, LG013, LG001]: the robotics library's reward classifier returns an HF-style output object carrying both raw logits and torch.sigmoid/softmax probabilities; training scores output.logits with binary_cross_entropy_with_logits (two classes) or cross_entropy against labels.long(), and the probabilities are used only for thresholded predictions."""
# Source: huggingface/lerobot at 7427f318 (read as is), src/lerobot/rewards/classifier/modeling_classifier.py;
# re-typed, identifiers renamed; the CNN backbone set-up, spatial embeddings and docstrings shortened.
import logging

import torch
from torch import Tensor, nn

from lerobot.utils.constants import OBS_IMAGE, REWARD

from ..pretrained import PreTrainedRewardModel
from .configuration_classifier import RewardClassifierConfig


class ClassifierOutput:
    def __init__(self, logits: Tensor, probabilities: Tensor | None = None, hidden_states: Tensor | None = None):
        self.logits = logits
        self.probabilities = probabilities
        self.hidden_states = hidden_states


class RewardClassifier(PreTrainedRewardModel):
    name = "reward_classifier"
    config_class = RewardClassifierConfig

    def __init__(self, config: RewardClassifierConfig, **kwargs):
        from transformers import AutoModel

        super().__init__(config)
        self.config = config
        enc = AutoModel.from_pretrained(self.config.model_name, trust_remote_code=True)
        self.encoder = enc.vision_model if hasattr(enc, "vision_model") else enc
        for p in self.encoder.parameters():
            p.requires_grad = False
        self.image_keys = [k.replace(".", "_") for k in config.input_features if k.startswith(OBS_IMAGE)]
        in_dim = self.encoder.config.hidden_size
        self.head = nn.Sequential(
            nn.Linear(in_dim * self.config.num_cameras, self.config.hidden_dim),
            nn.Dropout(self.config.dropout_rate),
            nn.LayerNorm(self.config.hidden_dim),
            nn.ReLU(),
            nn.Linear(self.config.hidden_dim, 1 if self.config.num_classes == 2 else self.config.num_classes),
        )

    def _encode(self, x: Tensor, key: str) -> Tensor:
        with torch.no_grad():
            return self.encoder(x).last_hidden_state[:, 0, :]

    def split_batch(self, batch: dict[str, Tensor]) -> tuple[list, Tensor]:
        images = [batch[k] for k in self.config.input_features if k.startswith(OBS_IMAGE)]
        return images, batch[REWARD]

    def predict(self, xs: list) -> ClassifierOutput:
        feats = torch.hstack([self._encode(x, k) for x, k in zip(xs, self.image_keys, strict=True)])
        logits = self.head(feats)
        if self.config.num_classes == 2:
            logits = logits.squeeze(-1)
            probs = torch.sigmoid(logits)
        else:
            probs = torch.softmax(logits, dim=-1)
        return ClassifierOutput(logits=logits, probabilities=probs, hidden_states=feats)

    def forward(self, batch: dict[str, Tensor]) -> tuple[Tensor, dict[str, Tensor]]:
        images, labels = self.split_batch(batch)
        out = self.predict(images)
        if self.config.num_classes == 2:
            loss = nn.functional.binary_cross_entropy_with_logits(out.logits, labels)
            preds = (torch.sigmoid(out.logits) > 0.5).float()
        else:
            loss = nn.functional.cross_entropy(out.logits, labels.long())
            preds = torch.argmax(out.logits, dim=1)
        correct = (preds == labels).sum().item()
        total = labels.size(0)
        return loss, {"accuracy": 100 * correct / total, "correct": correct, "total": total}

    def predict_reward(self, batch, threshold=0.5):
        images = [batch[k] for k in self.config.input_features if k.startswith(OBS_IMAGE)]
        if self.config.num_classes == 2:
            probs = self.predict(images).probabilities
            logging.debug(f"Predicted reward images: {probs}")
            return (probs > threshold).float()
        return torch.argmax(self.predict(images).probabilities, dim=1)
