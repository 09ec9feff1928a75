"""part of positive project [LG010]: structure_loss calls F.binary_cross_entropy_with_logits(pred, mask, reduce='none') on the raw maps: the deprecated reduce= argument, given the string 'none' (truthy), so the call returns the mean, not the per-pixel map the weighting after it expects; torch.sigmoid(pred) is taken afterwards for the weighted IoU term; six weighted terms are back-propagated through apex amp."""
# Source: weijun-arc/F3Net at eecace3a (read at the code issue #11, "Missing sigmoid in structure_loss?", asks about;
# the asker withdrew: the call takes logits), src/train.py;
# re-typed, identifiers renamed; tensorboard logging and checkpoint saving shortened. dataset is not included.
import datetime
import sys

sys.path.insert(0, "../")
sys.dont_write_bytecode = True

import torch
import torch.nn as nn
import torch.nn.functional as F
from apex import amp
from torch.utils.data import DataLoader

import dataset
from net import F3Net


def structure_loss(pred, mask):
    weit = 1 + 5 * torch.abs(F.avg_pool2d(mask, kernel_size=31, stride=1, padding=15) - mask)
    wbce = F.binary_cross_entropy_with_logits(pred, mask, reduce="none")  # expect: LG010
    wbce = (weit * wbce).sum(dim=(2, 3)) / weit.sum(dim=(2, 3))

    pred = torch.sigmoid(pred)
    inter = ((pred * mask) * weit).sum(dim=(2, 3))
    union = ((pred + mask) * weit).sum(dim=(2, 3))
    wiou = 1 - (inter + 1) / (union - inter + 1)
    return (wbce + wiou).mean()


def train(Dataset, Network):
    cfg = Dataset.Config(datapath="../data/DUTS", savepath="./out", mode="train", batch=32, lr=0.05, momen=0.9,
                         decay=5e-4, epoch=32)
    data = Dataset.Data(cfg)
    loader = DataLoader(data, collate_fn=data.collate, batch_size=cfg.batch, shuffle=True, num_workers=8)
    net = Network(cfg)
    net.train(True)
    net.cuda()

    base, head = [], []
    for name, param in net.named_parameters():
        if "bkbone.conv1" in name or "bkbone.bn1" in name:
            print(name)
        elif "bkbone" in name:
            base.append(param)
        else:
            head.append(param)
    optimizer = torch.optim.SGD([{"params": base}, {"params": head}], lr=cfg.lr, momentum=cfg.momen,
                                weight_decay=cfg.decay, nesterov=True)
    net, optimizer = amp.initialize(net, optimizer, opt_level="O2")
    global_step = 0

    for epoch in range(cfg.epoch):
        optimizer.param_groups[0]["lr"] = (1 - abs((epoch + 1) / (cfg.epoch + 1) * 2 - 1)) * cfg.lr * 0.1
        optimizer.param_groups[1]["lr"] = (1 - abs((epoch + 1) / (cfg.epoch + 1) * 2 - 1)) * cfg.lr

        for step, (image, mask) in enumerate(loader):
            image, mask = image.cuda().float(), mask.cuda().float()
            o1u, o2u, o2r, o3r, o4r, o5r = net(image)

            l1u = structure_loss(o1u, mask)
            l2u = structure_loss(o2u, mask)
            l2r = structure_loss(o2r, mask)
            l3r = structure_loss(o3r, mask)
            l4r = structure_loss(o4r, mask)
            l5r = structure_loss(o5r, mask)
            loss = (l1u + l2u) / 2 + l2r / 2 + l3r / 4 + l4r / 8 + l5r / 16

            optimizer.zero_grad()
            with amp.scale_loss(loss, optimizer) as scaled:
                scaled.backward()
            optimizer.step()

            global_step += 1
            if step % 10 == 0:
                print("%s | step:%d/%d/%d | lr=%.6f | loss=%.6f" % (datetime.datetime.now(), global_step, epoch + 1,
                                                                   cfg.epoch, optimizer.param_groups[0]["lr"],
                                                                   loss.item()))
        if epoch > cfg.epoch / 3 * 2:
            torch.save(net.state_dict(), cfg.savepath + "/model-" + str(epoch + 1))


if __name__ == "__main__":
    train(dataset, F3Net)
