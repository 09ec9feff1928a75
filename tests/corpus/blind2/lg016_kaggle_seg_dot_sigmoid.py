"""positive [LG016]: Kaggle salt-segmentation script applies .sigmoid() to the U-Net output in the loop and trains with nn.BCELoss plus a soft Dice term."""
import segmentation_models_pytorch as smp
import torch
import torch.nn as nn

ENCODER = "resnet34"
EPOCHS = 40
device = torch.device("cuda")

model = smp.Unet(encoder_name=ENCODER, encoder_weights="imagenet", in_channels=1, classes=1).to(device)
bce = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)


def soft_dice(p, t, smooth=1.0):
    inter = (p * t).sum((1, 2, 3))
    return 1 - ((2 * inter + smooth) / (p.sum((1, 2, 3)) + t.sum((1, 2, 3)) + smooth)).mean()


def run(train_loader):
    for epoch in range(EPOCHS):
        model.train()
        tot = 0.0
        for img, mask in train_loader:
            img, mask = img.to(device), mask.to(device)
            pred_mask = model(img).sigmoid()
            loss = bce(pred_mask, mask) + soft_dice(pred_mask, mask)  # expect: LG016
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            tot += loss.item()
        print(f"epoch {epoch}: {tot / len(train_loader):.4f}")
