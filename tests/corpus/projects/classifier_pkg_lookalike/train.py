"""look-alike [LG001, LG006]: cross-file: models.Classifier returns logits; softmax only in the metric helper; losses stored via .item()."""
import torch
import torch.nn as nn

from models import Classifier, softmax_confidence


def train(loader, epochs=10):
    model = Classifier()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    for epoch in range(epochs):
        for tokens, labels in loader:
            optimizer.zero_grad()
            logits = model(tokens)
            loss = criterion(logits, labels)
            loss.backward()
            optimizer.step()
            history.append(loss.item())
            conf = softmax_confidence(logits.detach()).mean().item()
        print(epoch, sum(history[-len(loader):]) / len(loader), conf)
    return history
