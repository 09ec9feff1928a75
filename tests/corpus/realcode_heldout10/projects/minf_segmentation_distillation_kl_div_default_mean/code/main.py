"""part of positive project [LG009]: train_student() calls utils.distillation on the student and teacher DeepLab outputs when --loss_type is kd or both, then adds attention-transfer terms in a loop over the intermediate maps."""
# Source: mazo20/MINF@409d92279ade9ee3ca0ee083dca87892ca0b8ef2 code/main.py (read as is; re-typed, cut at function boundaries: get_argparser, validate and the checkpoint and FLOP bookkeeping in main() left out)
import torch
import utils
import torch.nn as nn
from torch.autograd import Variable
from tqdm import tqdm
from torch.nn import functional as F

import network


def train_teacher(net, optimizer, criterion, scheduler):
    net.train()
    metrics.reset()
    for images, labels in tqdm(train_loader):
        images = images.to(device, dtype=torch.float32)
        labels = labels.to(device, dtype=torch.long)

        outputs, _ = net(images)
        loss = criterion(outputs, labels)

        metrics.update(labels.cpu().numpy(), outputs.detach().max(dim=1)[1].cpu().numpy())

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()


def train_student(net, teacher, optimizer, criterion, scheduler):
    net.train()
    for images, labels in tqdm(train_loader):
        images = Variable(images.to(device, dtype=torch.float32))
        labels = Variable(labels.to(device, dtype=torch.long))

        outputs_student, ints_student = net(images)
        outputs_teacher, ints_teacher = teacher(images)

        if opts.loss_type == 'both' or opts.loss_type == 'kd':
            loss = utils.distillation(outputs_student, outputs_teacher, labels, opts.temperature, opts.alpha)
        else:
            loss = criterion(outputs_student, labels)

        if opts.loss_type == 'both' or opts.loss_type == 'at' and opts.at_type != 'none':
            beta = (opts.beta * 3) / len(ints_student)
            for i in range(len(ints_student)):
                if ints_teacher[i].shape[2] != ints_student[i].shape[2]:
                    ints_teacher[i] = F.interpolate(ints_teacher[i], size=ints_student[i].shape[2:], mode='bilinear', align_corners=False)
                loss += beta * utils.at_loss(ints_student[i], ints_teacher[i])

        metrics.update(labels.cpu().numpy(), outputs_student.detach().max(dim=1)[1].cpu().numpy())

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()


def main(opts):
    model_map = {
        'v3_resnet50': network.deeplabv3_resnet50,
        'v3plus_resnet50': network.deeplabv3plus_resnet50,
        'v3_mobilenet': network.deeplabv3_mobilenet,
        'v3plus_mobilenet': network.deeplabv3plus_mobilenet,
    }
    model = model_map[opts.model](num_classes=opts.num_classes, output_stride=opts.output_stride, opts=opts)
    teacher = None
    optimizer = torch.optim.SGD(params=[
        {'params': model.backbone.parameters(), 'lr': 0.1 * opts.lr},
        {'params': model.classifier.parameters(), 'lr': opts.lr},
    ], lr=opts.lr, momentum=0.9, weight_decay=opts.weight_decay)
    scheduler = utils.PolyLR(optimizer, opts.total_epochs * len(train_loader), power=0.9)
    criterion = nn.CrossEntropyLoss(ignore_index=255, reduction='mean')

    model = nn.DataParallel(model)
    model.to(device)

    if opts.mode == "student":
        checkpoint = torch.load(opts.teacher_ckpt, map_location=torch.device('cpu'))
        teacher_opts = utils.Bunch(checkpoint['teacher_opts'])
        teacher = model_map[teacher_opts.model](num_classes=opts.num_classes, output_stride=teacher_opts.output_stride, opts=teacher_opts)
        teacher.load_state_dict(checkpoint["model_state"])
        teacher = nn.DataParallel(teacher)
        teacher.to(device)
        for param in teacher.parameters():
            param.requires_grad = False

    for epoch in tqdm(range(0, opts.total_epochs)):
        if opts.mode == "teacher":
            train_teacher(model, optimizer, criterion, scheduler)
        else:
            train_student(model, teacher, optimizer, criterion, scheduler)
