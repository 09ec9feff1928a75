"""part of look-alike project [LG003, LG004, LG006, LG014, LG015, LG017]: main builds the segmentation network, an SGD optimizer over its two parameter groups and the SegmentationLoss, wraps model and criterion for one or several GPUs and runs train_seg each epoch."""
# Source: sacmehta/EdgeNets at cd36c752 (the code quoted in issue #14, "Zeroing out the gradient before calling optimizer.step()", the parent of b8fd23eb "Incorporated mitalbert suggestions"), train_segmentation.py; re-typed, identifiers renamed; the dataset branches (VOC, Cityscapes),
# the FLOP count, the tensorboard writer, resuming, the learning-rate schedulers other than poly and checkpointing shortened.
import torch
import torch.nn as nn
import torch.optim as optim

from loss_fns.segmentation_loss import SegmentationLoss
from utilities.train_eval_seg import train_seg as train


def main(args, train_dataset, seg_classes, class_wts):
    if args.model == 'espnetv2':
        from model.segmentation.espnetv2 import espnetv2_seg
        model = espnetv2_seg(args)
    elif args.model == 'dicenet':
        from model.segmentation.dicenet import dicenet_seg
        model = dicenet_seg(args, classes=seg_classes)
    else:
        raise NotImplementedError
    num_gpus = torch.cuda.device_count()
    device = 'cuda' if num_gpus > 0 else 'cpu'
    params = [{'params': model.get_basenet_params(), 'lr': args.lr},
              {'params': model.get_segment_params(), 'lr': args.lr * args.lr_mult}]
    optimizer = optim.SGD(params, momentum=args.momentum, weight_decay=args.weight_decay)
    criterion = SegmentationLoss(n_classes=seg_classes, loss_type=args.loss_type, device=device,
                                 ignore_idx=args.ignore_idx, class_wts=class_wts.to(device))
    if num_gpus >= 1:
        if num_gpus == 1:
            from torch.nn.parallel import DataParallel
            model = DataParallel(model)
            model = model.cuda()
            criterion = criterion.cuda()
        else:
            from utilities.parallel_wrapper import DataParallelCriteria, DataParallelModel
            model = DataParallelModel(model)
            model = model.cuda()
            criterion = DataParallelCriteria(criterion)
            criterion = criterion.cuda()
    loader = torch.utils.data.DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, pin_memory=True,
                                         num_workers=args.workers)
    from utilities.lr_scheduler import PolyLR
    lr_scheduler = PolyLR(base_lr=args.lr, max_epochs=args.epochs, power=args.power)
    for epoch in range(args.epochs):
        lr = lr_scheduler.step(epoch)
        optimizer.param_groups[0]['lr'] = lr
        optimizer.param_groups[1]['lr'] = lr * args.lr_mult
        miou, loss = train(model, loader, optimizer, criterion, seg_classes, epoch, device=device)
        print(epoch, miou, loss)
