"""part of look-alike project [LG006]: fit_one_epoch adds loss.item(), r_loss.item() and c_loss.item() to its three epoch totals and val_loss += loss.item() under torch.no_grad; the focal loss still returns graph-holding tensors."""
# Source: bubbliiiing/efficientdet-pytorch at 77539a58 (after 96d6dad3 and 77539a58 turned the totals into
# .item() sums), train.py; re-typed, identifiers renamed; the freeze/unfreeze stages shortened to one, the
# Generator branch and weight loading cut. nets/efficientdet.py and utils/dataloader.py are not included.
# fit_one_epoch reads the module-level optimizer, as in the source.
import time

import numpy as np
import torch
from torch.autograd import Variable
import torch.optim as optim
import torch.backends.cudnn as cudnn
from torch.utils.data import DataLoader
from tqdm import tqdm

from utils.dataloader import efficientdet_dataset_collate, EfficientdetDataset
from nets.efficientdet import EfficientDetBackbone
from nets.efficientdet_training import FocalLoss


def get_lr(opt):
    for group in opt.param_groups:
        return group["lr"]


def fit_one_epoch(net, focal_loss, epoch, epoch_size, epoch_size_val, gen, genval, Epoch, cuda):
    total_r_loss = 0
    total_c_loss = 0
    total_loss = 0
    val_loss = 0
    t0 = time.time()
    with tqdm(total=epoch_size, desc=f"Epoch {epoch + 1}/{Epoch}", postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_size:
                break
            images, targets = batch[0], batch[1]
            with torch.no_grad():
                images = Variable(torch.from_numpy(images).type(torch.FloatTensor)).cuda()
                targets = [Variable(torch.from_numpy(ann).type(torch.FloatTensor)).cuda() for ann in targets]

            optimizer.zero_grad()
            _, regression, classification, anchors = net(images)
            loss, c_loss, r_loss = focal_loss(classification, regression, anchors, targets, cuda=cuda)
            loss.backward()
            optimizer.step()

            total_loss += loss.item()
            total_r_loss += r_loss.item()
            total_c_loss += c_loss.item()
            spent = time.time() - t0

            pbar.set_postfix(**{"Conf Loss": total_c_loss / (iteration + 1), "Regression Loss": total_r_loss / (iteration + 1), "lr": get_lr(optimizer), "step/s": spent})
            pbar.update(1)
            t0 = time.time()

    print("Start Validation")
    with tqdm(total=epoch_size_val, desc=f"Epoch {epoch + 1}/{Epoch}", postfix=dict, mininterval=0.3) as pbar:
        for iteration, batch in enumerate(genval):
            if iteration >= epoch_size_val:
                break
            images_val, targets_val = batch[0], batch[1]
            with torch.no_grad():
                images_val = Variable(torch.from_numpy(images_val).type(torch.FloatTensor)).cuda()
                targets_val = [Variable(torch.from_numpy(ann).type(torch.FloatTensor)).cuda() for ann in targets_val]
                optimizer.zero_grad()
                _, regression, classification, anchors = net(images_val)
                loss, c_loss, r_loss = focal_loss(classification, regression, anchors, targets_val, cuda=cuda)
                val_loss += loss.item()
            pbar.set_postfix(**{"total_loss": val_loss / (iteration + 1)})
            pbar.update(1)

    print("Total Loss: %.4f || Val Loss: %.4f " % (total_loss / (epoch_size + 1), val_loss / (epoch_size_val + 1)))
    torch.save(model.state_dict(), "logs/Epoch%d-Total_Loss%.4f-Val_Loss%.4f.pth" % ((epoch + 1), total_loss / (epoch_size + 1), val_loss / (epoch_size_val + 1)))
    return val_loss / (epoch_size_val + 1)


if __name__ == "__main__":
    phi = 0
    Cuda = True
    annotation_path = "2007_train.txt"
    num_classes = 20
    input_sizes = [512, 640, 768, 896, 1024, 1280, 1408, 1536]
    input_shape = (input_sizes[phi], input_sizes[phi])

    model = EfficientDetBackbone(num_classes, phi)
    net = model.train()
    net = torch.nn.DataParallel(model)
    cudnn.benchmark = True
    net = net.cuda()

    efficient_loss = FocalLoss()

    with open(annotation_path) as f:
        lines = f.readlines()
    np.random.seed(10101)
    np.random.shuffle(lines)
    np.random.seed(None)
    num_val = int(len(lines) * 0.1)
    num_train = len(lines) - num_val

    lr = 1e-3
    Batch_size = 4
    Init_Epoch = 0
    Freeze_Epoch = 25

    optimizer = optim.Adam(net.parameters(), lr, weight_decay=5e-4)
    lr_scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=2, verbose=True)

    train_dataset = EfficientdetDataset(lines[:num_train], (input_shape[0], input_shape[1]))
    val_dataset = EfficientdetDataset(lines[num_train:], (input_shape[0], input_shape[1]))
    gen = DataLoader(train_dataset, batch_size=Batch_size, num_workers=8, pin_memory=True, drop_last=True, collate_fn=efficientdet_dataset_collate)
    gen_val = DataLoader(val_dataset, batch_size=Batch_size, num_workers=8, pin_memory=True, drop_last=True, collate_fn=efficientdet_dataset_collate)

    epoch_size = num_train // Batch_size
    epoch_size_val = num_val // Batch_size
    for param in model.backbone_net.parameters():
        param.requires_grad = False

    for epoch in range(Init_Epoch, Freeze_Epoch):
        val_loss = fit_one_epoch(net, efficient_loss, epoch, epoch_size, epoch_size_val, gen, gen_val, Freeze_Epoch, Cuda)
        lr_scheduler.step(val_loss)
