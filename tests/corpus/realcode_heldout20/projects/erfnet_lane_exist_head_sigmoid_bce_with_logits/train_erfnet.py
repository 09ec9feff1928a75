"""part of positive project [LG003]: train() unpacks the DataParallel-wrapped ERFNet's (segmentation, existence) pair; the segmentation scores go through log_softmax into NLLLoss (correct), the sigmoided existence probabilities into criterion_exist = BCEWithLogitsLoss, which applies a second sigmoid."""
# Source: cardwing/Codes-for-Lane-Detection at a224eb4d (read as is), ERFNet-CULane-PyTorch/train_erfnet.py;
# re-typed, identifiers renamed; the checkpoint loading, the data transforms (shortened to the loader calls), the
# validation and evaluation helpers, flip and the learning-rate schedule cut. options,
# dataset and utils.transforms are not included; validate, save_checkpoint, adjust_learning_rate and
# EvalSegmentation stay undefined as in the cut.
import os
import time
import torch
import torch.nn.parallel
import torch.backends.cudnn as cudnn
import torch.optim
import models
import dataset as ds
from options.options import parser

best_mIoU = 0


def main():
    global args, best_mIoU
    args = parser.parse_args()
    os.environ["CUDA_VISIBLE_DEVICES"] = ','.join(str(g) for g in args.gpus)
    args.gpus = len(args.gpus)
    if args.dataset == 'CULane':
        num_class = 5
        ignore_label = 255
    else:
        raise ValueError('Unknown dataset ' + args.dataset)

    model = models.ERFNet(num_class)
    model = torch.nn.DataParallel(model, device_ids=range(args.gpus)).cuda()
    cudnn.benchmark = True

    train_loader = torch.utils.data.DataLoader(
        getattr(ds, args.dataset.replace("CULane", "VOCAug") + 'DataSet')(data_list=args.train_list),
        batch_size=args.batch_size, shuffle=True, num_workers=args.workers, drop_last=True)

    w = [1.0 for _ in range(5)]
    w[0] = 0.4
    class_weights = torch.FloatTensor(w).cuda()
    criterion = torch.nn.NLLLoss(ignore_index=ignore_label, weight=class_weights).cuda()
    criterion_exist = torch.nn.BCEWithLogitsLoss().cuda()
    optimizer = torch.optim.SGD(model.parameters(), args.lr, momentum=args.momentum, weight_decay=args.weight_decay)

    for epoch in range(args.epochs):
        adjust_learning_rate(optimizer, epoch, args.lr_steps)
        train(train_loader, model, criterion, criterion_exist, optimizer, epoch)


def train(train_loader, model, criterion, criterion_exist, optimizer, epoch):
    losses = AverageMeter()
    losses_exist = AverageMeter()
    model.train()
    end = time.time()
    for i, (inp, target, target_exist) in enumerate(train_loader):
        target = target.cuda()
        target_exist = target_exist.float().cuda()
        inp_var = torch.autograd.Variable(inp)
        target_var = torch.autograd.Variable(target)
        exist_var = torch.autograd.Variable(target_exist)

        seg_out, exist_out = model(inp_var)
        loss = criterion(torch.nn.functional.log_softmax(seg_out, dim=1), target_var)
        loss_exist = criterion_exist(exist_out, exist_var)  # expect: LG003
        loss_tot = loss + loss_exist * 0.1

        losses.update(loss.data.item(), inp.size(0))
        losses_exist.update(loss_exist.item(), inp.size(0))

        optimizer.zero_grad()
        loss_tot.backward()
        optimizer.step()

        if (i + 1) % args.print_freq == 0:
            print('Epoch: [{0}][{1}/{2}]\tLoss {loss.val:.4f} ({loss.avg:.4f})\tLoss_exist {le.val:.4f}'.format(
                epoch, i, len(train_loader), loss=losses, le=losses_exist))
            losses.reset()


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


if __name__ == '__main__':
    main()
