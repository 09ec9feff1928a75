"""look-alike [LG010]: the same structure loss with the fix of pull request #6: reduction='none' keeps the per-pixel BCE for the boundary weights."""

# Source: WZH0120/SAM3-UNet@fdb21da train.py with pull request #6 applied (the fix; cut, renamed)
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from dataset import FullDataset
from SAM3UNet import SAM3UNet


def structure_loss(pred, mask):
    weit = 1 + 5 * torch.abs(F.avg_pool2d(mask, kernel_size=31, stride=1, padding=15) - mask)
    wbce = F.binary_cross_entropy_with_logits(pred, mask, reduction="none")
    wbce = (weit * wbce).sum(dim=(2, 3)) / weit.sum(dim=(2, 3))
    pred = torch.sigmoid(pred)
    inter = ((pred * mask) * weit).sum(dim=(2, 3))
    union = ((pred + mask) * weit).sum(dim=(2, 3))
    wiou = 1 - (inter + 1) / (union - inter + 1)
    return (wbce + wiou).mean()


def main(args):
    dataset = FullDataset(args.train_image_path, args.train_mask_path, 336, mode="train")
    dataloader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True, num_workers=8)
    device = torch.device("cuda")
    model = SAM3UNet(args.checkpoint).to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    for epoch in range(args.epoch):
        for batch in dataloader:
            x = batch["image"].to(device)
            target = batch["label"].to(device)
            optim.zero_grad()
            pred = model(x)
            loss = structure_loss(pred, target)
            loss.backward()
            optim.step()
