"""part of look-alike project [LG003, LG016, LG002]: trains UNetSmall (logits) with DiceBCELoss; mask targets converted to float; losses logged with .item()."""
import torch

from losses import DiceBCELoss, iou
from model import UNetSmall


def train(train_loader, val_loader, epochs=40, device="cuda"):
    model = UNetSmall().to(device)
    criterion = DiceBCELoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3)
    history = []
    for epoch in range(epochs):
        model.train()
        running = 0.0
        for images, masks in train_loader:
            images, masks = images.to(device), masks.to(device).float()
            optimizer.zero_grad()
            logits = model(images)
            loss = criterion(logits, masks)
            loss.backward()
            optimizer.step()
            running += loss.item()

        model.eval()
        val_loss, val_iou = 0.0, 0.0
        with torch.no_grad():
            for images, masks in val_loader:
                images, masks = images.to(device), masks.to(device).float()
                logits = model(images)
                val_loss += criterion(logits, masks).item()
                val_iou += iou(logits, masks)
        scheduler.step(val_loss)
        history.append((running / len(train_loader), val_loss / len(val_loader), val_iou / len(val_loader)))
        print(epoch, history[-1])
    torch.save(model.state_dict(), "unet_small.pt")
    return history
