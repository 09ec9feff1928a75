"""part of look-alike project: the epoch function calls the model (its logits), as written, and
gives the result to the segmentation loss."""

# Source: salemsaurus/camus-segmentation-pytorch@affeb723fd train.py (run_epoch, main; re-typed; the metrics, the
# cross-validation folds and the reports cut)
import argparse

import torch
from torch.amp import GradScaler, autocast
from torch.utils.data import DataLoader

from losses import segmentation_loss
from model import EchoUnet


def run_epoch(model, loader, device, num_classes, optimizer=None, scaler=None, use_amp=False, max_grad_norm=None):
    train_mode = optimizer is not None
    model.train(train_mode)
    total, seen = 0.0, 0
    for images, masks in loader:
        images = images.to(device, non_blocking=True)
        masks = masks.to(device, non_blocking=True)
        if train_mode:
            optimizer.zero_grad(set_to_none=True)
        with autocast(device_type=device.type, enabled=use_amp):
            logits = model(images)
            loss = segmentation_loss(logits, masks, num_classes=num_classes)
        if train_mode:
            if scaler is not None and use_amp:
                scaler.scale(loss).backward()
                scaler.step(optimizer)
                scaler.update()
            else:
                loss.backward()
                if max_grad_norm:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_grad_norm)
                optimizer.step()
        total += loss.item() * images.size(0)
        seen += images.size(0)
    return total / max(seen, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--num-classes", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader = DataLoader(load_split("train"), batch_size=8, shuffle=True)
    model = EchoUnet(num_classes=args.num_classes).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scaler = GradScaler(enabled=device.type == "cuda")
    for epoch in range(1, args.epochs + 1):
        run_epoch(model, train_loader, device, args.num_classes, optimizer=optimizer, scaler=scaler, use_amp=device.type == "cuda")


if __name__ == "__main__":
    main()
