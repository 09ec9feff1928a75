"""look-alike [LG001]: the hierarchical slide transformer returns its logits beside their softmax and the predicted class; the training loop gives the logits to the cross-entropy loss and keeps the probabilities for the metrics."""

# Source: mahmoodlab/HIPT@780fafa 2-Weakly-Supervised-Subtyping/models/model_hierarchical_mil.py, utils/core_utils.py (re-typed, renamed, cut to the head and the loop)
import torch
import torch.nn as nn
import torch.nn.functional as F


class SlideTransformer(nn.Module):
    def __init__(self, dim, n_classes):
        super().__init__()
        self.local = nn.Linear(384, dim)
        self.attn = nn.Linear(dim, 1)
        self.classifier = nn.Linear(dim, n_classes)

    def forward(self, x_256):
        h = self.local(x_256)
        a = F.softmax(self.attn(h).transpose(1, 0), dim=1)
        logits = self.classifier(torch.mm(a, h))
        y_hat = torch.topk(logits, 1, dim=1)[1]
        return logits, F.softmax(logits, dim=1), y_hat, None, None


def train_loop(model, loader, optimizer, n_classes):
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    train_loss = 0.0
    for data, label in loader:
        logits, y_prob, y_hat, _, _ = model(data)
        loss = loss_fn(logits, label)
        train_loss += loss.item()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    return train_loss / len(loader)
