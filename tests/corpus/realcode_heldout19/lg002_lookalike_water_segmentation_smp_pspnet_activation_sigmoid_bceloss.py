"""look-alike [LG002, LG016, LG006]: a personal segmentation repository trains segmentation_models_pytorch's PSPNet built with classes=1 and activation="sigmoid" (the library appends the sigmoid to the head) with nn.BCELoss against float masks; the epoch total keeps loss_result.item()."""
# Source: tianmaoyu/pytorch-learning at c9ddd0e5 (read as is), unet-water/train-SMP-v1.py; re-typed, identifiers
# renamed; the logging handlers shortened to one. The dataset (data.py: masks read as "L" images through a ToTensor
# transform, floats in [0, 1]) is another file of the folder, not included; the hand-written U-Net import and the
# commented-out line that built it are kept (that U-Net ends in torch.sigmoid too).
import logging

import segmentation_models_pytorch as smp
import torch
from torch import nn
from torch.optim import *
from torch.utils.data import DataLoader
from torchvision.transforms import functional

from data import WaterDataset, WaterDataset512
from net_standard_v1 import UnetDemoV1

log = logging.getLogger(__name__)
log.setLevel(logging.DEBUG)
log.addHandler(logging.StreamHandler())


def merge(ds1, ds2):
    images = ds1.image_path_list + ds2.image_path_list
    masks = ds1.mask_path_list + ds2.mask_path_list
    merged = WaterDataset512("E:/seg/water_v1/water_v1")
    merged.image_path_list = images
    merged.mask_path_list = masks
    return merged


dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
ds_a = WaterDataset512("E:/seg/water_v1/water_v1")
ds_b = WaterDataset512("E:/seg/water_v2/water_v2")
ds = merge(ds_a, ds_b)
loader = DataLoader(dataset=ds, batch_size=1)

# net = UnetDemoV1(3, 1).to(dev)
net = smp.PSPNet(
    encoder_name="resnet34",
    encoder_weights="imagenet",
    in_channels=3,
    classes=1,
    activation="sigmoid"
).to(dev)
bce = nn.BCELoss().to(dev)
opt = Adam(net.parameters(), 0.001)

for epoch in range(10):
    net.train()
    total = 0
    for step, (imgs, masks) in enumerate(loader):
        imgs, masks = imgs.to(dev), masks.to(dev)
        h, w = functional.get_image_size(imgs)
        if h == 1 or w == 1:
            continue
        if h * w > 1000_000:
            continue
        if imgs.shape[1] > 3:
            continue
        if masks.shape[1] > 1:
            continue
        pred = net(imgs)
        loss_result = bce(pred, masks)
        opt.zero_grad()
        loss_result.backward()
        opt.step()
        total += loss_result.item()
        if step % 10 == 0:
            log.info(f"epoch:{epoch} step: {step},loss: {loss_result.item()}")
    log.info(f"epoch {epoch} total_loss:{total}")
    torch.save(net, f"unet-{epoch}.pth")
