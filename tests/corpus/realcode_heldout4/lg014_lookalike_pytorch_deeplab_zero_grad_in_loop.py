"""look-alike [LG014, LG013, LG006]: the DeepLab-v2 training script calls optimizer.zero_grad() once after building the optimizer and again at the top of every iteration; loss_calc casts the labels with .long() before nn.CrossEntropyLoss(ignore_index=255), and the loss is only printed through loss.data."""
# Source: https://github.com/speedinghzl/Pytorch-Deeplab train.py at 14f2b81c676a6eb19f34940efb1297855f8fa05e
# (issue #30 "Zero_grad only once?", closed: "Sorry, missed the one in the loop"); re-typed, names changed, reduced
# (argument parsing and the lr-group generators shortened; Python 2 print statements written as print() calls).
import os
import os.path as osp
import timeit

import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from torch.utils import data

from deeplab.datasets import VOCDataSet
from deeplab.model import Res_Deeplab

start = timeit.default_timer()
IMG_MEAN = np.array((104.00698793, 116.66876762, 122.67891434), dtype=np.float32)
IGNORE_LABEL = 255

args = get_arguments()


def loss_calc(pred, label):
    label = Variable(label.long()).cuda()
    criterion = torch.nn.CrossEntropyLoss(ignore_index=IGNORE_LABEL).cuda()
    return criterion(pred, label)


def lr_poly(base_lr, it, max_iter, power):
    return base_lr * ((1 - float(it) / max_iter) ** (power))


def get_1x_lr_params_NOscale(model):
    blocks = [model.conv1, model.bn1, model.layer1, model.layer2, model.layer3, model.layer4]
    for block in blocks:
        for module in block.modules():
            for p in module.parameters():
                if p.requires_grad:
                    yield p


def get_10x_lr_params(model):
    for p in model.layer5.parameters():
        yield p


def adjust_learning_rate(optimizer, i_iter):
    lr = lr_poly(args.learning_rate, i_iter, args.num_steps, args.power)
    optimizer.param_groups[0]["lr"] = lr
    optimizer.param_groups[1]["lr"] = lr * 10


def main():
    os.environ["CUDA_VISIBLE_DEVICES"] = str(args.gpu)
    h, w = map(int, args.input_size.split(","))
    input_size = (h, w)
    cudnn.enabled = True

    model = Res_Deeplab(num_classes=args.num_classes)
    saved = torch.load(args.restore_from)
    new_params = model.state_dict().copy()
    for key in saved:
        parts = key.split(".")
        if not args.num_classes == 21 or not parts[1] == "layer5":
            new_params[".".join(parts[1:])] = saved[key]
    model.load_state_dict(new_params)
    model.train()
    model.cuda()
    cudnn.benchmark = True

    loader = data.DataLoader(VOCDataSet(args.data_dir, args.data_list, max_iters=args.num_steps * args.batch_size,
                                        crop_size=input_size, scale=args.random_scale, mirror=args.random_mirror, mean=IMG_MEAN),
                             batch_size=args.batch_size, shuffle=True, num_workers=5, pin_memory=True)

    optimizer = optim.SGD([{"params": get_1x_lr_params_NOscale(model), "lr": args.learning_rate},
                           {"params": get_10x_lr_params(model), "lr": 10 * args.learning_rate}],
                          lr=args.learning_rate, momentum=args.momentum, weight_decay=args.weight_decay)
    optimizer.zero_grad()

    interp = nn.Upsample(size=input_size, mode="bilinear", align_corners=True)

    for i_iter, batch in enumerate(loader):
        images, labels, _, _ = batch
        images = Variable(images).cuda()

        optimizer.zero_grad()
        adjust_learning_rate(optimizer, i_iter)
        pred = interp(model(images))
        loss = loss_calc(pred, labels)
        loss.backward()
        optimizer.step()

        print("iter = ", i_iter, "of", args.num_steps, "completed, loss = ", loss.data.cpu().numpy())
        if i_iter >= args.num_steps - 1:
            torch.save(model.state_dict(), osp.join(args.snapshot_dir, "VOC12_scenes_" + str(args.num_steps) + ".pth"))
            break
        if i_iter % args.save_pred_every == 0 and i_iter != 0:
            torch.save(model.state_dict(), osp.join(args.snapshot_dir, "VOC12_scenes_" + str(i_iter) + ".pth"))
    print(timeit.default_timer() - start, "seconds")


if __name__ == "__main__":
    main()
