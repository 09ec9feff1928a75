"""part of positive project [LG013]: ImageFolder datasets cut to their first 100 images with Subset, then batched."""

# Source: nkdatascientist/pyfreeguy@5f4fe091bd freeguy/dataloader/dataloader.py (imagenet_dataloader, re-typed; the transforms factory cut)
import os

from torch.utils.data import DataLoader, Subset
from torchvision.datasets import ImageFolder


def imagenet_dataloader(args, train_transform=None, val_transform=None):
    train_dataset = ImageFolder(root=os.path.join(args.root, "train"), transform=train_transform)
    val_dataset = ImageFolder(root=os.path.join(args.root, "val"), transform=val_transform)
    train_dataset, val_dataset = Subset(train_dataset, list(range(100))), Subset(val_dataset, list(range(100)))
    train_dataloader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=args.workers)
    val_dataloader = DataLoader(val_dataset, batch_size=args.batch_size, shuffle=False, num_workers=args.workers)
    return train_dataloader, val_dataloader
