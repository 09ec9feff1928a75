"""part of positive project [LG011]: the face-recognition trainer records loss.item() in meters, and every 100 iterations after 10000 dumps the target-class probabilities, taken with F.softmax(output[0]) without dim, for the magnitude plots."""
# Source: IrvingMeng/MagFace at 99bae614 (read as is), run/trainer.py; re-typed, identifiers renamed; argument parsing, the
# checkpointing, the progress display and debug_info shortened (utils, dataloader as in the source).
import time

import numpy as np
import torch
import torch.nn.functional as F

from models import magface
from utils import utils
from dataloader import dataloader


def main_worker(args):
    model = magface.builder(args)
    model = torch.nn.DataParallel(model).cuda()
    optimizer = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), args.lr,
                                momentum=args.momentum, weight_decay=args.weight_decay)
    train_loader = dataloader.train_loader(args)
    criterion = magface.MagLoss(args.l_a, args.u_a, args.l_margin, args.u_margin)
    for epoch in range(args.start_epoch, args.epochs):
        utils.adjust_learning_rate(optimizer, epoch, args)
        do_train(train_loader, model, criterion, optimizer, epoch, args)
        if epoch % args.pth_save_epoch == 0:
            utils.save_checkpoint({'epoch': epoch + 1, 'state_dict': model.state_dict()}, False,
                                  filename='{}/{}.pth'.format(args.pth_save_fold, str(epoch + 1).zfill(5)))


def do_train(train_loader, model, criterion, optimizer, epoch, args):
    losses = utils.AverageMeter('Loss', ':.3f')
    top1 = utils.AverageMeter('Acc@1', ':6.2f')
    losses_id = utils.AverageMeter('L_ID', ':.3f')
    losses_mag = utils.AverageMeter('L_mag', ':.6f')
    iters = 0
    end = time.time()
    for i, (images, target) in enumerate(train_loader):
        iters += 1
        images = images.cuda(non_blocking=True)
        target = target.cuda(non_blocking=True)
        output, x_norm = model(images, target)
        loss_id, loss_g, one_hot = criterion(output, target, x_norm)
        loss = loss_id + args.lambda_g * loss_g
        acc1, acc5 = utils.accuracy(args, output[0], target, topk=(1, 5))
        losses.update(loss.item(), images.size(0))
        top1.update(acc1[0], images.size(0))
        losses_id.update(loss_id.item(), images.size(0))
        losses_mag.update(args.lambda_g * loss_g.item(), images.size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        end = time.time()
        if args.vis_mag:
            if (i > 10000) and (i % 100 == 0):
                x_norm = x_norm.detach().cpu().numpy()
                cos_theta = torch.masked_select(output[0], one_hot.bool()).detach().cpu().numpy()
                prob = torch.masked_select(
                    F.softmax(output[0]), one_hot.bool()).detach().cpu().numpy()  # expect: LG011
                np.savez('{}/vis/epoch_{}_iter{}'.format(args.pth_save_fold, epoch, i), x_norm, prob, cos_theta)
