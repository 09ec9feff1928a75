"""part of positive project [LG003, LG010]: main builds the criterion with loss.get_loss, gives it to the network through network.get_net, and train() back-propagates the sum of the loss dict the network returns."""
# Source: nv-tlabs/GSCNN@edd16c5d3f346a0ec009cec539fbcaf6d79b5111 train.py (read as is; re-typed, identifiers renamed, cut at function boundaries: the argument parser, validate() and evaluate() left out, the meters and tensorboard logging of train() shortened)
import torch

import datasets
import loss
import network
import optimizer
from config import cfg, assert_and_infer_cfg
from utils.misc import AverageMeter, prep_experiment


def main(args, parser):
    assert_and_infer_cfg(args)
    writer = prep_experiment(args, parser)
    train_loader, val_loader, train_obj = datasets.setup_loaders(args)
    criterion, criterion_val = loss.get_loss(args)
    net = network.get_net(args, criterion)
    optim, scheduler = optimizer.get_optimizer(args, net)
    torch.cuda.empty_cache()

    for epoch in range(args.start_epoch, args.max_epoch):
        cfg.immutable(False)
        cfg.EPOCH = epoch
        cfg.immutable(True)
        scheduler.step()
        train(args, train_loader, net, criterion, optim, epoch, writer)


def train(args, train_loader, net, criterion, optim, epoch, writer):
    net.train()
    main_meter = AverageMeter()
    edge_meter = AverageMeter()
    for i, batch in enumerate(train_loader):
        images, mask, edge, _names = batch
        n_pix = images.size(0) * images.size(2) * images.size(3)
        images, mask, edge = images.cuda(), mask.cuda(), edge.cuda()
        optim.zero_grad()

        total = None
        if args.joint_edgeseg_loss:
            terms = net(images, gts=(mask, edge))
            if args.seg_weight > 0:
                total = terms['seg_loss']
            if args.edge_weight > 0:
                edge_meter.update(terms['edge_loss'].mean().clone().detach_().item(), n_pix)
                if total is not None:
                    total += terms['edge_loss']
                else:
                    total = terms['edge_loss']
            if args.att_weight > 0:
                if total is not None:
                    total += terms['att_loss']
                else:
                    total = terms['att_loss']
            if args.dual_weight > 0:
                if total is not None:
                    total += terms['dual_loss']
                else:
                    total = terms['dual_loss']
        else:
            total = net(images, gts=mask)

        total = total.mean()
        main_meter.update(total.clone().detach_().item(), n_pix)
        total.backward()
        optim.step()
        if i % 50 == 49:
            writer.add_scalar('training/loss', main_meter.val, epoch * len(train_loader) + i)
