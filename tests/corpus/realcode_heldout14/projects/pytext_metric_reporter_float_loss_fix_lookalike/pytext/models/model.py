"""part of look-alike project [LG006]: train_batch returns the loss tensor twice: once for backprop and once inside the metric data."""
# Source: facebookresearch/pytext at the fix 33027b3d ("Fix loss reporting"),
# pytext/models/model.py; re-typed, identifiers kept (a framework API); stage handling, module saving and ONNX export cut.
import torch.nn as nn


class BaseModel(nn.Module):
    def get_loss(self, logit, target, context):
        return self.output_layer.get_loss(logit, target, context)

    def get_pred(self, logit, target=None, context=None, *args):
        return self.output_layer.get_pred(logit, target, context)

    def train_batch(self, batch):
        model_inputs = self.arrange_model_inputs(batch)
        model_outputs = self(*model_inputs)
        targets = self.arrange_targets(batch)
        loss = self.get_loss(model_outputs, targets, None)
        predictions, scores = self.get_pred(model_outputs)
        metric_data = (predictions, targets, scores, loss, model_inputs)
        return loss, metric_data

    def arrange_model_inputs(self, tensor_dict):
        pass

    def arrange_targets(self, tensor_dict):
        pass
