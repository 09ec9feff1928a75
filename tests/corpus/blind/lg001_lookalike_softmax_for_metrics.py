"""look-alike [LG001, LG006]: softmax is computed only for top-5 accuracy and confidence logging; the loss gets the raw logits and the epoch loss uses .item()."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models


def build_model(num_classes):
    net = models.efficientnet_b0(weights="IMAGENET1K_V1")
    net.classifier[1] = nn.Linear(net.classifier[1].in_features, num_classes)
    return net


def train_epoch(model, loader, optimizer, scaler, device):
    model.train()
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    total_loss, total_top5, total_conf, n = 0.0, 0, 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            logits = model(images)
            loss = criterion(logits, labels)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()

        probs = F.softmax(logits.detach().float(), dim=1)
        top5 = probs.topk(5, dim=1).indices
        total_top5 += (top5 == labels.unsqueeze(1)).any(dim=1).sum().item()
        total_conf += probs.max(dim=1).values.sum().item()
        total_loss += loss.item() * labels.size(0)
        n += labels.size(0)
    return total_loss / n, total_top5 / n, total_conf / n


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    criterion = nn.CrossEntropyLoss()
    losses = []
    for images, labels in loader:
        logits = model(images.to(device))
        losses.append(criterion(logits, labels.to(device)))
    return torch.stack(losses).mean().item()


if __name__ == "__main__":
    device = "cuda"
    model = build_model(200).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
    scaler = torch.cuda.amp.GradScaler()
    print(model.classifier)
