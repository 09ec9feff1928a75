"""part of positive project [LG001]: the base module reads the configuration and counts the output classes."""

# Source: kennyleung-su/cs231n-sl-classification@f94cab0fc3 base/base_model.py (cut, renamed)
import torch
import torch.nn as nn


class ConfiguredModel(nn.Module):
    def __init__(self, model_config):
        super(ConfiguredModel, self).__init__()
        self._cfg = model_config
        self._num_classes = len(self._cfg.gesture_labels)
        self.training_epoch = 0
        self.best_accuracy = -1

    def load_checkpoint(self, filename):
        checkpoint = torch.load(filename)
        self.load_state_dict(checkpoint.get("state_dict"))
        self.training_epoch = checkpoint.get("epoch")
        self.best_accuracy = checkpoint.get("best_accuracy")
