"""part of look-alike project [LG003, LG016]: after the fix the detector's forward returns the raw one-unit Linear score, WeightedFocalLoss calls F.binary_cross_entropy_with_logits on it, and torch.sigmoid is applied only to the validation predictions, under no_grad."""
# Source: https://github.com/meilfang/LMFD-PAD cross_db_main.py at ba1ab8da43b548b8cb58bfaacd95b7c6a2e626b3 (after d5646138fab802fc2b89a718fd7703db0f03f155,
# pull request #1 "removed unnecessary sigmoid in classification", and ba1ab8d, "added sigmoid after prediction during
# test/val step"); re-typed, names changed, reduced (logging, video-level scores and early stopping left out).
import argparse
import os

import torch
from torch.cuda.amp import GradScaler, autocast
from tqdm import tqdm

from dataset import FacePAD_Train, FacePAD_Val
from losses import WeightedFocalLoss
from model.mfad import FAD_HAM_Net
from utils import AvgrageMeter


def main():
    model = FAD_HAM_Net(pretrain=args.pretrain, variant=args.backbone).cuda()

    train_set = FacePAD_Train(os.path.join(args.protocol_dir, "train.csv"), 14)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=args.num_works, pin_memory=True)
    test_set = FacePAD_Val(os.path.join(args.protocol_dir, "test.csv"), 14)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=args.batch_size, shuffle=False, num_workers=args.num_works, pin_memory=True)

    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, nesterov=True, weight_decay=0.0001)
    map_criterion = torch.nn.SmoothL1Loss().cuda()
    focal_criterion = WeightedFocalLoss(alpha=.5, gamma=2).cuda()
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.995)
    scaler = GradScaler()

    for epoch in range(1, args.epochs + 1):
        meter = AvgrageMeter()
        meter_cls = AvgrageMeter()
        meter_map = AvgrageMeter()
        model.train()
        w1 = 100 if epoch >= 5 else 1

        bar = tqdm(train_loader)
        for i, (images, labels, map_x) in enumerate(bar):
            images = images.cuda()
            labels = labels.cuda()
            map_x = map_x.cuda()
            model.zero_grad()

            with autocast():
                pred, map_y = model(images)
                pred = torch.squeeze(pred)
                loss_cls = focal_criterion(pred.type(torch.cuda.FloatTensor), labels.type(torch.cuda.FloatTensor))
                loss_map = map_criterion(map_y, map_x) * w1
                loss = loss_cls + loss_map

            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()

            meter.update(loss.data, images.shape[0])
            meter_cls.update(loss_cls.data, images.shape[0])
            meter_map.update(loss_map.data, images.shape[0])
            bar.set_postfix(loss="%.5f" % meter.avg)
        scheduler.step()

        model.eval()
        predictions, gt_labels, video_ids = [], [], []
        with torch.no_grad():
            for (images, labels, _, video_id) in tqdm(test_loader):
                images = images.cuda()
                labels = labels.cuda()
                optimizer.zero_grad()
                pred, _ = model(images)
                pred = torch.sigmoid(pred)
                for j in range(images.shape[0]):
                    predictions.append(pred[j].detach().cpu())
                    gt_labels.append(labels[j].detach().cpu())
                    video_ids.append(video_id[j])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--protocol_dir", type=str, default="protocols")
    parser.add_argument("--backbone", type=str, default="resnet50")
    parser.add_argument("--pretrain", type=bool, default=True)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--num_works", type=int, default=4)
    args = parser.parse_args()
    main()
