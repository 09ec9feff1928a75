"""positive [LG006]: the EfficientNet-YOLOv3 script builds its three head losses and its optimizer under `__main__` (the optimizer a module global the epoch function reads), and the epoch function adds each step's summed head losses, a tensor with its graph, to `total_loss`, keeping every step's graph until the epoch ends; the validation sum runs under no_grad."""

# Source: bubbliiiing/efficientnet-yolo3-pytorch@b91ac19ea0 train.py, fixed in d08e2af17d (cut, renamed)
import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.optim as optim
from torch.utils.data import DataLoader
from tqdm import tqdm

from nets.yolo3 import YoloBody
from nets.yolo_training import YOLOLoss
from utils.config import Config
from utils.dataloader import YoloDataset, yolo_dataset_collate


def get_lr(optimizer):
    for group in optimizer.param_groups:
        return group["lr"]


def fit_one_epoch(net, head_losses, epoch, epoch_size, epoch_size_val, gen, genval, n_epochs, cuda):
    total_loss = 0
    val_loss = 0
    with tqdm(total=epoch_size, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_size:
                break
            images, targets = batch[0], batch[1]
            with torch.no_grad():
                images = torch.from_numpy(images).type(torch.FloatTensor)
                targets = [torch.from_numpy(ann).type(torch.FloatTensor) for ann in targets]
                if cuda:
                    images = images.cuda()
            optimizer.zero_grad()
            outputs = net(images)
            losses = []
            for i in range(3):
                loss_item = head_losses[i](outputs[i], targets)
                losses.append(loss_item[0])
            loss = sum(losses)
            loss.backward()
            optimizer.step()
            total_loss += loss  # expect: LG006
            pbar.set_postfix(**{"total_loss": total_loss.item() / (iteration + 1), "lr": get_lr(optimizer)})
            pbar.update(1)
    for iteration, batch in enumerate(genval):
        if iteration >= epoch_size_val:
            break
        images_val, targets_val = batch[0], batch[1]
        with torch.no_grad():
            images_val = torch.from_numpy(images_val).type(torch.FloatTensor)
            targets_val = [torch.from_numpy(ann).type(torch.FloatTensor) for ann in targets_val]
            outputs = net(images_val)
            losses = []
            for i in range(3):
                loss_item = head_losses[i](outputs[i], targets_val)
                losses.append(loss_item[0])
            val_loss += sum(losses)
    print("Total Loss: %.4f || Val Loss: %.4f " % (total_loss / (epoch_size + 1), val_loss / (epoch_size_val + 1)))


if __name__ == "__main__":
    model = YoloBody(Config, phi=2, load_weights=False)
    Cuda = True
    net = model.train()
    if Cuda:
        net = torch.nn.DataParallel(model)
        cudnn.benchmark = True
        net = net.cuda()
    head_losses = []
    for i in range(3):
        head_losses.append(
            YOLOLoss(np.reshape(Config["yolo"]["anchors"], [-1, 2]), Config["yolo"]["classes"], (Config["img_w"], Config["img_h"]), Cuda)
        )
    with open("2007_train.txt") as f:
        lines = f.readlines()
    num_val = int(len(lines) * 0.1)
    num_train = len(lines) - num_val
    if True:
        optimizer = optim.Adam(net.parameters(), 1e-3)
        lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.95)
        gen = DataLoader(YoloDataset(lines[:num_train], (416, 416)), batch_size=8, shuffle=True, collate_fn=yolo_dataset_collate)
        gen_val = DataLoader(YoloDataset(lines[num_train:], (416, 416)), batch_size=8, collate_fn=yolo_dataset_collate)
        for param in model.backbone.parameters():
            param.requires_grad = False
        for epoch in range(0, 50):
            fit_one_epoch(net, head_losses, epoch, num_train // 8, num_val // 8, gen, gen_val, 50, Cuda)
            lr_scheduler.step()
