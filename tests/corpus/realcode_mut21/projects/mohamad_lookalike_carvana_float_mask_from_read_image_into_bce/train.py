"""part of look-alike project: the epoch loop hands each batch to a step function with the loss it is given
(BCEWithLogitsLoss), with or without AMP."""

# Source: Mohamad-Ghodrati/Carvana-Segmentation-PyTorch@fe949e8136 train.py (train_one_epoch, perform_training_step,
# perform_mixed_precision_training_step, main; re-typed; the docstrings, validation and checkpoints cut)
import torch
import torch.nn as nn
import torchvision
from tqdm import tqdm

from dataset import get_dataloader
from model import UNet


def train_one_epoch(model, dataloader, optimizer, loss_fn, scaler=None, epoch_number=0, device="cuda"):
    progress = tqdm(dataloader, colour="green", leave=False)
    model.train()
    for batch, (data, targets) in enumerate(progress):
        data = data.to(device)
        targets = targets.to(device)
        if device == "cuda" and scaler is not None:
            loss = amp_step(model, optimizer, loss_fn, scaler, data, targets)
        else:
            loss = plain_step(model, optimizer, loss_fn, data, targets)
        progress.set_postfix(batch_loss=loss.item())


def plain_step(model, optimizer, loss_fn, data, targets):
    predictions = model(data)
    loss = loss_fn(predictions, targets)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss


def amp_step(model, optimizer, loss_fn, scaler, data, targets):
    with torch.cuda.amp.autocast():
        predictions = model(data)
        loss = loss_fn(predictions, targets)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    optimizer.zero_grad()
    return loss


def main():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = UNet(in_channels=3, out_channels=1).to(device)
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    scaler = torch.cuda.amp.GradScaler()
    transform = torchvision.transforms.Resize((160, 240))
    loader = get_dataloader("data/train", "data/train_masks", batch_size=16, shuffle=True, transform=transform)
    for epoch in range(5):
        train_one_epoch(model, loader, optimizer, loss_fn, scaler, epoch + 1, device)


if __name__ == "__main__":
    main()
