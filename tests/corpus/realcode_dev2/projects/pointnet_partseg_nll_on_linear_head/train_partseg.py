"""part of positive project [LG007]: the training loop passes the model's raw class scores to the custom PointNet loss, which applies F.nll_loss to them."""
# Source: https://github.com/yanx27/Pointnet_Pointnet2_pytorch train_partseg.py at
# 31deedb10b85ec30178df57a6389b2f326f7c970 (issue #30); re-typed, names changed, reduced.
import argparse
from collections import defaultdict

import torch
import torch.nn.functional as F
from torch.autograd import Variable

from model.pointnet import PartSegLoss, PartSegNet
from model.pointnet2 import PointNet2PartSeg
from utils import to_categorical


def main(args):
    num_classes = 16
    num_part = 50
    model = PointNet2PartSeg(num_part) if args.model_name == "pointnet2" else PartSegNet(cat_num=num_classes, part_num=num_part)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate, betas=(0.9, 0.999), eps=1e-08)
    criterion = PartSegLoss()
    history = defaultdict(lambda: list())
    for epoch in range(args.epoch):
        for i, data in enumerate(dataloader, 0):
            points, label, target, norm_plt = data
            points, label, target = Variable(points.float()), Variable(label.long()), Variable(target.long())
            points = points.transpose(2, 1)
            label = label.squeeze()
            optimizer.zero_grad()
            model = model.train()
            if args.model_name == "pointnet":
                labels_pred, seg_pred, trans_feat = model(points, to_categorical(label, 16))
                seg_pred = seg_pred.contiguous().view(-1, num_part)
                target = target.view(-1, 1)[:, 0]
                loss, seg_loss, label_loss = criterion(labels_pred, label, seg_pred, target, trans_feat)
            else:
                seg_pred = model(points, norm_plt, to_categorical(label, 16))
                seg_pred = seg_pred.contiguous().view(-1, num_part)
                target = target.view(-1, 1)[:, 0]
                loss = F.nll_loss(seg_pred, target)
            history["loss"].append(loss.cpu().data.numpy())
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser("PointNet")
    parser.add_argument("--model_name", type=str, default="pointnet")
    parser.add_argument("--epoch", type=int, default=201)
    parser.add_argument("--learning_rate", type=float, default=0.001)
    main(parser.parse_args())
