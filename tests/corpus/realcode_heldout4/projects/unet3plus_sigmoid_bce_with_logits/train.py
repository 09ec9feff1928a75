"""part of positive project [LG003, LG010]: the training script picks nn.BCEWithLogitsLoss for one output class, and the network built in `__main__` (UNet3+ by default, from the package `unet`) ends in F.sigmoid; one of the three choices (plain UNet) returns logits."""
# Source: https://github.com/avBuffer/UNet3plus_pth train.py at 263534e4a48964e907324622b14b90f1c3b4270d
# (issue #23 "bug: bceloss not decrease", open: the UNet3+ forward applies sigmoid before BCEWithLogitsLoss);
# re-typed, names changed, reduced (logging, tensorboard images, checkpoints and the lr plot left out).
import argparse
import math
import os

import torch
import torch.nn as nn
import torch.optim.lr_scheduler as lr_scheduler
from apex import amp
from torch import optim
from torch.utils.data import DataLoader, random_split
from tqdm import tqdm

from unet import UNet, UNet2Plus, UNet3Plus
from utils.dataset import BasicDataset
from utils.eval import eval_net

IMG_DIR = "data/train/imgs/"
MASK_DIR = "data/train/masks/"


def train_net(unet_type, net, device, epochs=5, batch_size=1, lr=0.1, val_percent=0.1, img_scale=0.5):
    dataset = BasicDataset(unet_type, IMG_DIR, MASK_DIR, img_scale)
    n_val = int(len(dataset) * val_percent)
    n_train = len(dataset) - n_val
    train_set, val_set = random_split(dataset, [n_train, n_val])
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=8, pin_memory=True)
    val_loader = DataLoader(val_set, batch_size=batch_size, shuffle=False, num_workers=8, pin_memory=True)
    step = 0

    optimizer = optim.RMSprop(net.parameters(), lr=lr, weight_decay=1e-8)
    model, optimizer = amp.initialize(net, optimizer, opt_level="O1")
    cosine = lambda x: (((1 + math.cos(x * math.pi / epochs)) / 2) ** 1.0) * 0.95 + 0.05
    scheduler = lr_scheduler.LambdaLR(optimizer, lr_lambda=cosine)

    if net.n_classes > 1:
        criterion = nn.CrossEntropyLoss()
    else:
        criterion = nn.BCEWithLogitsLoss()

    for epoch in range(epochs):
        net.train()
        epoch_loss = 0
        with tqdm(total=n_train, desc=f"Epoch {epoch + 1}/{epochs}", unit="img") as bar:
            for batch in train_loader:
                images = batch["image"]
                masks = batch["mask"]
                images = images.to(device=device, dtype=torch.float32)
                mask_type = torch.float32 if net.n_classes == 1 else torch.long
                masks = masks.to(device=device, dtype=mask_type)

                pred = net(images)
                loss = criterion(pred, masks)  # expect: LG003
                epoch_loss += loss.item()
                bar.set_postfix(**{"loss (batch)": loss.item()})

                optimizer.zero_grad()
                with amp.scale_loss(loss, optimizer) as scaled_loss:
                    scaled_loss.backward()
                optimizer.step()

                bar.update(images.shape[0])
                step += 1
                if step % (len(dataset) // (10 * batch_size)) == 0:
                    score = eval_net(net, val_loader, device, n_val)
                    print("validation", score)
        scheduler.step()


def get_args():
    parser = argparse.ArgumentParser(description="Train the UNet on images and target masks")
    parser.add_argument("-u", "--unet_type", dest="unet_type", type=str, default="v3", help="v1/v2/v3 (unet unet++ unet3+)")
    parser.add_argument("-e", "--epochs", type=int, default=10000, dest="epochs")
    parser.add_argument("-b", "--batch-size", type=int, nargs="?", default=2, dest="batchsize")
    parser.add_argument("-l", "--learning-rate", type=float, nargs="?", default=0.1, dest="lr")
    parser.add_argument("-s", "--scale", dest="scale", type=float, default=0.5)
    parser.add_argument("-v", "--validation", dest="val", type=float, default=10.0)
    return parser.parse_args()


if __name__ == "__main__":
    args = get_args()
    unet_type = args.unet_type
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    if unet_type == "v2":
        net = UNet2Plus(n_channels=3, n_classes=1)
    elif unet_type == "v3":
        net = UNet3Plus(n_channels=3, n_classes=1)
    else:
        net = UNet(n_channels=3, n_classes=1)

    net.to(device=device)
    train_net(unet_type=unet_type, net=net, epochs=args.epochs, batch_size=args.batchsize,
              lr=args.lr, device=device, img_scale=args.scale, val_percent=args.val / 100)
