"""positive [LG014]: mixed-precision fine-tuning loop uses scaler.scale(loss).backward() and scaler.step(optimizer) with no zero_grad anywhere in the loop."""
import torch
import torch.nn as nn
from torch.cuda.amp import GradScaler, autocast
from torchvision.models import resnet34


def finetune(loader, epochs=5, device="cuda"):
    model = resnet34(weights="IMAGENET1K_V1")
    model.fc = nn.Linear(model.fc.in_features, 5)
    model.to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-3, total_steps=epochs * len(loader))
    scaler = GradScaler()
    for epoch in range(epochs):
        model.train()
        seen = correct = 0
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            with autocast():
                logits = model(images)
                loss = criterion(logits, labels)
            scaler.scale(loss).backward()
            scaler.step(optimizer)  # expect: LG014
            scaler.update()
            scheduler.step()
            correct += (logits.argmax(1) == labels).sum().item()
            seen += labels.numel()
        print(f"epoch {epoch} train acc {correct / seen:.3f}")
    return model


if __name__ == "__main__":
    finetune([], epochs=0)
