"""part of positive project [LG009]: Trainer_kd calls the criterion it was given with the student's output, the labels and the frozen teacher's output, in training and (under no_grad) in validation."""
# Source: increase24/CMKD-MINDS@42650019608a3596cfec3f4eb8b6dc866c14f767 utils/trainer.py (read as is; re-typed, identifiers renamed, cut at class boundaries: Trainer and Trainer_Bi left out, the progress printing shortened)
import torch

from .stats import AverageMeter, accuracy


class Trainer_kd(object):
    def __init__(self, train_loader, valid_loader, model_stu, model_tch, device, criterion, optimizer, print_freq):
        self.train_loader = train_loader
        self.valid_loader = valid_loader
        self.model_stu = model_stu
        self.model_tch = model_tch
        self.device = device
        self.criterion = criterion
        self.optimizer = optimizer
        self.print_freq = print_freq
        self.bst_acc = 0.0
        self.flag_improve = False

    def train_kd_epoch(self, epoch):
        losses = AverageMeter()
        accs = AverageMeter()
        self.model_stu.train()
        self.model_tch.eval()
        for idx, (x_stu, x_tch, target) in enumerate(self.train_loader):
            x_stu, x_tch, target = x_stu.to(self.device), x_tch.to(self.device), target.to(self.device)
            self.model_stu.zero_grad()
            out_stu = self.model_stu(x_stu)
            out_tch = self.model_tch(x_tch)
            loss = self.criterion(out_stu, target, out_tch)
            losses.update(loss.item(), x_stu.size(0))
            [acc] = accuracy(out_stu.detach(), target.detach().cpu())
            accs.update(acc.item(), x_stu.size(0))
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            if idx % self.print_freq == 0:
                print('Epoch: [{0}][{1}/{2}]\tLoss: {3:.4f}'.format(epoch, idx, len(self.train_loader), losses.avg))
        return losses.avg, accs.avg

    def validate_kd(self, eval_only=False):
        losses = AverageMeter()
        accs = AverageMeter()
        self.model_stu.eval()
        self.model_tch.eval()
        with torch.no_grad():
            for idx, (x_stu, x_tch, target) in enumerate(self.valid_loader):
                x_stu, x_tch, target = x_stu.to(self.device), x_tch.to(self.device), target.to(self.device)
                out_stu = self.model_stu(x_stu)
                out_tch = self.model_tch(x_tch)
                loss = self.criterion(out_stu, target, out_tch)
                [acc] = accuracy(out_stu.detach(), target.detach().cpu())
                losses.update(loss.item(), x_stu.size(0))
                accs.update(acc.item(), x_stu.size(0))
            if accs.avg > self.bst_acc:
                self.bst_acc = accs.avg
                self.flag_improve = True
            else:
                self.flag_improve = False
        return losses.avg, accs.avg
