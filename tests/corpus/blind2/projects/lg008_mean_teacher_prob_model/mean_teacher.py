"""part of positive project [LG008]: the student's softmax output from backbone.ProbNet is the input of KLDivLoss in the consistency term."""
import copy

import torch
import torch.nn as nn

from backbone import ProbNet


@torch.no_grad()
def ema_update(teacher, student, decay=0.999):
    for t_p, s_p in zip(teacher.parameters(), student.parameters()):
        t_p.mul_(decay).add_(s_p.detach(), alpha=1 - decay)


def train(labeled_loader, unlabeled_loader, steps=100000, w_cons=10.0):
    student = ProbNet().cuda()
    teacher = copy.deepcopy(student)
    for p in teacher.parameters():
        p.requires_grad_(False)
    consistency = nn.KLDivLoss(reduction="batchmean")
    nll = nn.NLLLoss()
    opt = torch.optim.SGD(student.parameters(), lr=0.03, momentum=0.9, nesterov=True)
    for step, ((xl, yl), (xu_weak, xu_strong)) in enumerate(zip(labeled_loader, unlabeled_loader)):
        if step >= steps:
            break
        xl, yl = xl.cuda(), yl.cuda()
        p_l = student(xl)
        sup = nll(torch.log(p_l + 1e-8), yl)
        with torch.no_grad():
            p_teacher = teacher(xu_weak.cuda())
        p_student = student(xu_strong.cuda())
        cons = consistency(p_student, p_teacher)  # expect: LG008
        loss = sup + w_cons * cons
        opt.zero_grad()
        loss.backward()
        opt.step()
        ema_update(teacher, student)
