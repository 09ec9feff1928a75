"""positive [LG016]: an nn.Sigmoid() module applied in the training function (not in the model) right before BCELoss; multi-line call."""
import torch
import torch.nn as nn

sigmoid = nn.Sigmoid()
bce = nn.BCELoss(weight=None)


def train_step(model, x, y, optimizer):
    optimizer.zero_grad()
    scores = sigmoid(model(x))
    loss = bce(
        scores,  # expect: LG016
        y,
    )
    loss.backward()
    optimizer.step()
    return loss.item()
