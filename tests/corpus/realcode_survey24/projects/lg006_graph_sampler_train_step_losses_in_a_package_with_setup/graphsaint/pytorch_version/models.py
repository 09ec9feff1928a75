"""part of positive project [LG006]: the sampled-subgraph network runs its own training step (backward and step) and returns the loss tensor with the predictions."""

# Source: GraphSAINT/GraphSAINT@c9b1e34 graphsaint/pytorch_version/models.py (re-typed, renamed, cut to the loss and the step)
import torch
import torch.nn as nn


class SubgraphNet(nn.Module):
    def __init__(self, num_classes, in_dim, hidden, sigmoid_loss, lr):
        super().__init__()
        self.sigmoid_loss = sigmoid_loss
        self.conv = nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU())
        self.classifier = nn.Linear(hidden, num_classes)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=lr)

    def forward(self, feats, labels):
        return self.classifier(self.conv(feats)), labels

    def _loss(self, preds, labels, norm_loss):
        if self.sigmoid_loss:
            return nn.BCEWithLogitsLoss(weight=norm_loss.unsqueeze(1), reduction="sum")(preds, labels)
        per_node = nn.CrossEntropyLoss(reduction="none")(preds, labels)
        return (norm_loss * per_node).sum()

    def train_step(self, feats, labels, norm_loss):
        self.train()
        self.optimizer.zero_grad()
        preds, labels = self(feats, labels)
        loss = self._loss(preds, labels, norm_loss)
        loss.backward()
        nn.utils.clip_grad_norm_(self.parameters(), 5)
        self.optimizer.step()
        return loss, preds.argmax(1), labels
