"""part of positive project [LG016]: the base ranking model keeps nn.Sigmoid() as its output activation for binary classification, compiles the configured loss and back-propagates add_loss in train_step."""
# Source: reczoo/FuxiCTR at 0245987, fuxictr/pytorch/models/rank_model.py; re-typed, identifiers renamed; fit,
# evaluation, checkpointing, early stopping and regularisation cut.
import torch
from torch import nn

from fuxictr.pytorch.torch_utils import get_loss, get_optimizer


class RankerBase(nn.Module):
    def __init__(self, feature_map, model_id="BaseModel", task="binary_classification", gpu=-1, **kwargs):
        super().__init__()
        self.device = torch.device("cuda:" + str(gpu) if gpu >= 0 else "cpu")
        self.feature_map = feature_map
        self.output_activation = self.get_output_activation(task)
        self.model_id = model_id
        self._max_gradient_norm = kwargs.get("max_gradient_norm", 10.)

    def get_output_activation(self, task):
        if task == "binary_classification":
            return nn.Sigmoid()
        elif task == "regression":
            return nn.Identity()
        raise NotImplementedError("task={} is not supported.".format(task))

    def compile(self, optimizer, loss, lr):
        self.optimizer = get_optimizer(optimizer, self.parameters(), lr)
        self.loss_fn = get_loss(loss)

    def add_loss(self, outputs, y_true):
        return self.loss_fn(outputs["y_pred"], y_true, reduction='mean')

    def get_labels(self, batch):
        return batch["label"].to(self.device).float().view(-1, 1)

    def train_step(self, batch):
        self.optimizer.zero_grad()
        outputs = self.forward(batch)
        loss = self.add_loss(outputs, self.get_labels(batch))
        loss.backward()
        nn.utils.clip_grad_norm_(self.parameters(), self._max_gradient_norm)
        self.optimizer.step()
        return loss
