"""positive [LG004]: labels converted with `.long()` (copied from a CE script) and passed to BCEWithLogitsLoss."""
import torch
import torch.nn as nn
import timm


def train(loader, epochs=5, device="cuda"):
    model = timm.create_model("efficientnet_b0", pretrained=True, num_classes=1).to(device)
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    scaler = torch.cuda.amp.GradScaler()
    for epoch in range(epochs):
        model.train()
        for images, labels in loader:
            images = images.to(device)
            labels = labels.to(device).long()
            optimizer.zero_grad()
            with torch.cuda.amp.autocast():
                logits = model(images).squeeze(1)
                loss = criterion(logits, labels)  # expect: LG004
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        print(epoch, loss.item())
