"""part of positive project [LG010]: the training loop zeroes, runs the two-branch model, sums the focal criterion of the segmentation and contour maps (the BCE module with size_average is the other criterion of loss.py), back-propagates and steps; losses are recorded with loss.item() in an AverageMeter."""
# Source: samuelschen/DSB2018 at 37bf9a68 (read at issue #3, "Implementing Focal loss", which asks about the reduction inside the focal loss in loss.py; unchanged at this commit), train.py; re-typed, identifiers renamed; config parsing, dataset
# construction, the validation pass, tensorboard logging and checkpointing shortened.
import time

import torch

from helper import AverageMeter, config, iou_mean
from loss import contour_criterion, focal_criterion
from model import build_model


def train(loader, model, optimizer, epoch):
    losses = AverageMeter()
    iou = AverageMeter()
    only_contour = config['contour'].getboolean('exclusive')
    weight_map = config['param'].getboolean('weight_map')
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model.train()
    end = time.time()
    for i, data in enumerate(loader):
        inputs = data['image'].to(device)
        labels = data['label'].to(device)
        labels_c = data['label_c'].to(device)
        weights = None
        if weight_map and 'weight' in data:
            weights = data['weight'].to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        outputs, outputs_c = outputs
        if only_contour:
            loss = contour_criterion(outputs, labels_c)
        else:
            loss = focal_criterion(outputs, labels, weights)
            loss += focal_criterion(outputs_c, labels_c, weights)
        loss.backward()
        optimizer.step()
        losses.update(loss.item(), inputs.size(0))
        iou.update(iou_mean(outputs, labels), inputs.size(0))
    print('epoch {} loss {:.4f} iou {:.4f} ({:.1f}s)'.format(epoch, losses.avg, iou.avg, time.time() - end))


def main(loader, n_epoch=100, learn_rate=1e-4):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model('camunet').to(device)
    optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=learn_rate,
                                 weight_decay=1e-6)
    for epoch in range(n_epoch):
        train(loader, model, optimizer, epoch)
