"""look-alike [LG006, LG001, LG015]: a self-supervised video script: the masked reconstruction loss appends one mean per clip to a list created inside forward and stacks it into one mean; the playback-rate head's logits go to CrossEntropyLoss; the meters and running totals take .item() and validation runs under no_grad."""
# Source: yuanyao366/PRP at a0e42ba7 (read as is), train_predict.py; re-typed, identifiers renamed; the tensorboard
# writing, the per-class accuracy prints, the visualisation import and the periodic checkpoints cut. Issue #2 of
# the repository ("About softmax", 2020-12-27) asks why no softmax follows the linear head; the authors answer that
# nn.CrossEntropyLoss combines LogSoftmax and NLLLoss. config.py, models/ and datasets/ are not included.
from config import params
from torch import nn, optim
import os
from models import c3d, r3d, r21d, sscn
from datasets.predict_dataset import PredictDataset
import time
import torch
from tqdm import tqdm
from torch.utils.data import DataLoader, random_split
import argparse

multi_gpu = 1
start_epoch = 1
params['batch_size'] = 8
params['num_workers'] = 4
train_epoch = 300
learning_rate = 0.01


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


class MaskedClipMSE(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, out, target, mask, flags):
        per_clip = []
        bs = out.size(0)
        for i in range(bs):
            keep = torch.nonzero(flags[i]).squeeze()
            sq = torch.pow((out[i][:, keep, :, :] - target[i][:, keep, :, :]), 2)
            clip_loss = torch.mean(sq * mask[i][:, keep, :, :])
            per_clip.append(clip_loss)
        stacked = torch.stack(per_clip)
        return torch.mean(stacked)


def train(loader, model, crit_mse, crit_ce, optimizer, epoch):
    torch.set_grad_enabled(True)
    rec_meter, cls_meter, all_meter = AverageMeter(), AverageMeter(), AverageMeter()
    model.train()
    cls_total = 0.0
    hits = 0
    for step, (clip, rec_target, rate_label, rate, mask, flags) in enumerate(loader):
        clip = clip.cuda()
        rec_target = rec_target.cuda()
        rate_label = rate_label.cuda()
        mask = mask.cuda()
        flags = flags.cuda()
        rec_out, rate_out = model(clip)
        loss_rec = crit_mse(rec_out, rec_target, mask, flags)
        loss_cls = crit_ce(rate_out, rate_label)
        loss = loss_rec + loss_cls * 0.1
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        rec_meter.update(loss_rec.item(), clip.size(0))
        cls_meter.update(loss_cls.item(), clip.size(0))
        all_meter.update(loss.item(), clip.size(0))
        cls_total += loss_cls.item()
        pred = torch.argmax(rate_out, dim=1)
        hits += torch.sum(rate_label == pred).item()
        if (step + 1) % params['display'] == 0:
            print("loss:{:.5f} loss_recon:{:.5f} loss_class:{:.5f}".format(all_meter.avg, rec_meter.avg,
                                                                          cls_meter.avg))
    print('[TRAIN] loss_cls: {:.3f}, acc: {:.3f}'.format(cls_total / len(loader), hits / len(loader.dataset)))


def validation(loader, model, crit_mse, crit_ce, optimizer, epoch):
    all_meter = AverageMeter()
    model.eval()
    total = 0.0
    with torch.no_grad():
        for step, (clip, rec_target, rate_label, rate, mask, flags) in enumerate(loader):
            clip = clip.cuda()
            rec_target = rec_target.cuda()
            rate_label = rate_label.cuda()
            mask = mask.cuda()
            flags = flags.cuda()
            rec_out, rate_out = model(clip)
            loss_rec = crit_mse(rec_out, rec_target, mask, flags)
            loss_cls = crit_ce(rate_out, rate_label)
            loss = loss_rec + loss_cls * 0.1
            all_meter.update(loss.item(), clip.size(0))
            total += loss.item()
    return all_meter.avg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gpu', type=str, default='0')
    ap.add_argument('--model_name', type=str, default='c3d')
    args = ap.parse_args()
    os.environ["CUDA_VISIBLE_DEVICES"] = args.gpu
    if args.model_name == 'c3d':
        base = c3d.C3D(with_classifier=False)
    elif args.model_name == 'r3d':
        base = r3d.R3DNet((1, 1, 1, 1), with_classifier=False)
    elif args.model_name == 'r21d':
        base = r21d.R2Plus1DNet((1, 1, 1, 1), with_classifier=False)
    model = sscn.SSCN_OneClip(base_network=base, with_classifier=True, num_classes=4)
    data = PredictDataset(params['dataset'], mode="train", args=args)
    train_set, val_set = random_split(data, (len(data) - 800, 800))
    train_loader = DataLoader(train_set, batch_size=params['batch_size'], shuffle=True,
                              num_workers=params['num_workers'], drop_last=True)
    val_loader = DataLoader(val_set, batch_size=params['batch_size'], shuffle=True,
                            num_workers=params['num_workers'], drop_last=True)
    if multi_gpu == 1:
        model = nn.DataParallel(model)
    model = model.cuda()
    crit_ce = nn.CrossEntropyLoss().cuda()
    crit_mse = MaskedClipMSE().cuda()
    groups = []
    for key, value in dict(model.named_parameters()).items():
        if value.requires_grad:
            lr = 10 * learning_rate if 'fc8' in key else learning_rate
            groups += [{'params': [value], 'lr': lr}]
    optimizer = optim.SGD(groups, momentum=params['momentum'], weight_decay=params['weight_decay'])
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, 'min', min_lr=1e-7, patience=50, factor=0.1)
    best = 100
    for epoch in tqdm(range(start_epoch, start_epoch + train_epoch)):
        train(train_loader, model, crit_mse, crit_ce, optimizer, epoch)
        val_loss = validation(val_loader, model, crit_mse, crit_ce, optimizer, epoch)
        if val_loss < best:
            torch.save(model.state_dict(), 'best_model_{}.pth.tar'.format(epoch))
            best = val_loss
        scheduler.step(val_loss)


if __name__ == '__main__':
    main()
