"""part of positive project [LG001, LG009]: the teacher-then-student script: the Trainer trains unet_m with a class-weighted nn.CrossEntropyLoss on the network's softmax probabilities, then distils into unet_s with the same criterion on the student's probabilities plus a batchmean KL term; an attention-weighted KD loss class defined in the same file builds nn.KLDivLoss() with the default reduction."""
# Source: Garand7/KD_ECG at b184aaa9, ceshi.py; re-typed, identifiers renamed; the argument parser, plotting, the validation methods (val,
# val_student: the same criterion on the same probabilities, under no_grad), checkpoint saving and logging shortened or
# cut; the Attention module's body shortened.
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader

from unet import unet_s, unet_m
from data import SegData

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class Attention(nn.Module):
    def __init__(self, in_channels, out_channels, reduction=4):
        super(Attention, self).__init__()
        self.out_channels = out_channels
        self.conv1 = nn.Conv2d(in_channels, in_channels // reduction, kernel_size=1)
        self.conv2 = nn.Conv2d(in_channels // reduction, out_channels, kernel_size=1)

    def forward(self, x):
        _, _, H, W = x.size()
        m = x.mean(dim=1, keepdim=True)
        m = F.sigmoid(self.conv2(F.relu(self.conv1(m))))
        m = m.view(-1, self.out_channels, H, W)
        return x * m.expand_as(x)


class AttentionKDLoss(nn.Module):
    def __init__(self, alpha, temperature, reduction):
        super(AttentionKDLoss, self).__init__()
        self.alpha = alpha
        self.temperature = temperature
        self.reduction = reduction
        self.mse_loss = nn.MSELoss()

    def forward(self, inputs, student_outputs, teacher_outputs):
        def flatten(t, reduction):
            bs, ch, h, w = t.size()
            t = t.view(bs, ch, -1)
            t = torch.mean(t, dim=2, keepdim=True)
            t = t.pow(self.temperature)
            if reduction == 'softmax':
                t = F.softmax(t, dim=1)
            elif reduction == 'sum':
                t = t.sum(dim=1).mean()
            elif reduction == 'none':
                t = t.view(bs, -1)
            return t

        loss = nn.KLDivLoss()(F.log_softmax(student_outputs / self.temperature, dim=1),  # expect: LG009
                              F.softmax(teacher_outputs / self.temperature, dim=1)) * self.temperature * self.temperature * self.alpha
        s_att = Attention(student_outputs.size()[1], student_outputs.size()[1] // 16)
        t_att = Attention(teacher_outputs.size()[1], teacher_outputs.size()[1] // 16)
        s_feat = flatten(student_outputs, reduction=self.reduction).detach()
        t_feat = flatten(teacher_outputs, reduction=self.reduction)
        weight = F.softplus(t_feat)
        loss_att = self.mse_loss(s_att(student_outputs * weight), t_att(teacher_outputs))
        loss += loss_att
        return loss


class Trainer:
    def __init__(self, args):
        self.args = args
        self.best_acc = 0.0
        os.makedirs(args.save_dir, exist_ok=True)
        os.makedirs(args.save_dir_kd, exist_ok=True)
        self.build_model()
        self.build_data()

    def build_model(self):
        self.teacher = unet_m(1, 3).to(device)
        self.student = unet_s(1, 3).to(device)
        self.criterion = nn.CrossEntropyLoss(weight=torch.tensor([5, 7, 8], dtype=torch.float32).to(device))
        self.opt_teacher = torch.optim.AdamW(self.teacher.parameters(), lr=self.args.lr)
        self.opt_student = torch.optim.AdamW(self.student.parameters(), lr=self.args.lr_kd)

    def build_data(self):
        self.train_loader = DataLoader(dataset=SegData(self.args.train_root), batch_size=self.args.batch_size,
                                       shuffle=True, pin_memory=True, num_workers=8)
        self.val_loader = DataLoader(dataset=SegData(self.args.val_root), batch_size=self.args.batch_size,
                                     shuffle=False, pin_memory=True, num_workers=8)

    def train(self):
        train_loss = []
        for epoch in range(self.args.n_epoch):
            self.teacher.train()
            for step, (data, label) in enumerate(self.train_loader):
                data = data.to(device)
                label = label.to(device)

                output = self.teacher(data)

                loss = self.criterion(output, label)  # expect: LG001

                train_loss.append(loss.item())

                self.opt_teacher.zero_grad()
                loss.backward()
                self.opt_teacher.step()
            if (epoch + 1) % self.args.save_freq == 0:
                torch.save(self.teacher.state_dict(), os.path.join(self.args.save_dir, f'{epoch}.pth'))

    def distillation_kd(self, T, alpha):
        train_loss_kd = []
        for epoch in range(1000):
            self.teacher.eval()
            self.student.train()
            for step, (data, label) in enumerate(self.train_loader):
                data = data.to(device)
                label = label.to(device)

                out_teacher = self.teacher(data)
                out_student = self.student(data)

                loss_ce = self.criterion(out_student, label)  # expect: LG001

                loss_kd = nn.KLDivLoss(reduction='batchmean')(F.log_softmax(out_student / T, dim=1),
                                                              F.softmax(out_teacher / T, dim=1)) * T * T

                loss = alpha * loss_kd + (1 - alpha) * loss_ce
                train_loss_kd.append(loss.item())

                self.opt_student.zero_grad()
                loss.backward()
                self.opt_student.step()


if __name__ == '__main__':
    args = make_args()
    trainer = Trainer(args)
    trainer.train()
    trainer.distillation_kd(T=3, alpha=0.2)
