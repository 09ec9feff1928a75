"""positive [LG005]: FARM regression head squeezes its (batch, 1) logits to (batch,) while the data processor's labels stay (batch, 1); MSELoss(reduction='none') broadcasts them to (batch, batch)."""
# Source: issue https://github.com/deepset-ai/FARM/issues/229 (fixed in #230: "the logits were squeezed and therefore
# didn't match"); farm/modeling/prediction_head.py as stored with the squeeze (index id 20800865549); re-typed,
# names changed, reduced. The label shape comes from the data processor (a (batch, 1) float tensor per the thread).
import torch
from torch import nn
from torch.nn import MSELoss


class FeedForwardBlock(nn.Module):
    def __init__(self, layer_dims):
        super(FeedForwardBlock, self).__init__()
        layers = []
        for i in range(len(layer_dims) - 1):
            layers.append(nn.Linear(layer_dims[i], layer_dims[i + 1]))
        self.feed_forward = nn.Sequential(*layers)

    def forward(self, X):
        return self.feed_forward(X)


class RegressionHead(nn.Module):
    def __init__(self, layer_dims=[768, 1], task_name="regression"):
        super(RegressionHead, self).__init__()
        self.layer_dims = layer_dims
        self.feed_forward = FeedForwardBlock(self.layer_dims)
        self.loss_fct = MSELoss(reduction="none")
        self.task_name = task_name
        self.label_tensor_name = "regression_label_ids"

    def forward(self, x):
        logits = self.feed_forward(x)
        return logits

    def logits_to_loss(self, logits, **kwargs):
        label_ids = kwargs.get(self.label_tensor_name)
        return self.loss_fct(logits.squeeze(), label_ids.float())  # expect: LG005


def train_step(model, head, batch, optimizer):
    pooled = model(**batch)
    logits = head(pooled)
    per_sample_loss = head.logits_to_loss(logits, **batch)
    loss = per_sample_loss.mean()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
