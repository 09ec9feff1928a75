"""look-alike [LG001, LG006]: softmax is applied only for accuracy/confidence metrics after the loss is computed on logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models


def train_epoch(model, loader, optimizer, device):
    criterion = nn.CrossEntropyLoss()
    model.train()
    running_loss, correct, total, conf_sum = 0.0, 0, 0, 0.0
    for inputs, labels in loader:
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()

        probs = F.softmax(outputs, dim=1)
        conf, preds = probs.max(dim=1)
        conf_sum += conf.sum().item()
        running_loss += loss.item() * inputs.size(0)
        correct += (preds == labels).sum().item()
        total += labels.size(0)
    return running_loss / total, correct / total, conf_sum / total


if __name__ == "__main__":
    device = "cuda"
    model = models.resnet50(weights="IMAGENET1K_V2")
    model.fc = nn.Linear(model.fc.in_features, 120)
    model.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
