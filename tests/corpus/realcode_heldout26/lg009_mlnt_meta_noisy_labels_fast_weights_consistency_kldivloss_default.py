"""positive [LG009]: meta-learning on noisy labels (MLNT): each synthetic-noise fast-weight model is pulled towards the mean-teacher's softmax with nn.KLDivLoss() at its default reduction, which averages over the classes too, between cross entropy on the noisy labels and one optimizer step."""
# Source: LiJunnan1992/MLNT at 40f163d4 (read as is), main.py; re-typed, identifiers renamed; the argument parser,
# the Clothing1M loaders, val / val_tch / test and the checkpoint loading shortened (args, train_loader, val and
# val_tch stay as defined by the cut part).
import math
import random
import sys
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable

import models as models

use_cuda = torch.cuda.is_available()
init = True


def train(epoch):
    global init
    net.train()
    teacher.train()
    train_loss = 0
    correct = 0
    total = 0
    lr = args.lr
    if epoch > args.start_epoch:
        lr = lr / 10
    for group in optimizer.param_groups:
        group['lr'] = lr
    for batch_idx, (inputs, targets) in enumerate(train_loader):
        if use_cuda:
            inputs, targets = inputs.cuda(), targets.cuda()
        optimizer.zero_grad()
        inputs, targets = Variable(inputs), Variable(targets)
        outputs = net(inputs)
        class_loss = criterion(outputs, targets)
        class_loss.backward(retain_graph=True)

        if batch_idx > args.start_iter or epoch > 1:
            if batch_idx > args.mid_iter or epoch > 1:
                args.eps = 0.999
                alpha = args.alpha
            else:
                u = (batch_idx - args.start_iter) / (args.mid_iter - args.start_iter)
                alpha = args.alpha * math.exp(-5 * (1 - u) ** 2)
            if init:
                init = False
                for param, param_t in zip(net.parameters(), teacher.parameters()):
                    param_t.data.copy_(param.data)
            else:
                for param, param_t in zip(net.parameters(), teacher.parameters()):
                    param_t.data.mul_(args.eps).add_((1 - args.eps), param.data)

            _, feats = pretrained(inputs, get_feat=True)
            teacher_out = teacher(inputs, get_feat=False)
            p_teacher = F.softmax(teacher_out, dim=1)
            p_teacher = p_teacher.detach()

            for i in range(args.num_fast):
                noisy_targets = targets.clone()
                perm = torch.randperm(targets.size(0))
                for n in range(int(targets.size(0) * args.perturb_ratio)):
                    k = 10
                    idx = perm[n]
                    feat = feats[idx]
                    feat.data = feat.data.expand(targets.size(0), feat.size(0))
                    dist = torch.sum((feat - feats) ** 2, dim=1)
                    _, neighbours = torch.topk(dist.data, k + 1, largest=False)
                    noisy_targets[idx] = targets[neighbours[random.randint(1, k)]]
                fast_loss = criterion(outputs, noisy_targets)
                grads = torch.autograd.grad(fast_loss, net.parameters(), create_graph=True, retain_graph=True,
                                            only_inputs=True)
                for grad in grads:
                    grad = grad.detach()
                    grad.requires_grad = False
                fast_weights = OrderedDict((name, param - args.meta_lr * grad)
                                           for ((name, param), grad) in zip(net.named_parameters(), grads))
                fast_out = net.forward(inputs, fast_weights)
                logp_fast = F.log_softmax(fast_out, dim=1)
                if i == 0:
                    consistency = kl_criterion(logp_fast, p_teacher)
                else:
                    consistency = consistency + kl_criterion(logp_fast, p_teacher)
            meta_loss = consistency * alpha / args.num_fast
            meta_loss.backward()

        optimizer.step()
        train_loss += class_loss.data[0]
        _, predicted = torch.max(outputs.data, 1)
        total += targets.size(0)
        correct += predicted.eq(targets.data).cpu().sum()
        sys.stdout.write('\r| Epoch [%3d/%3d] Iter[%3d]\t\tLoss: %.4f Acc@1: %.3f%%'
                         % (epoch, args.num_epochs, batch_idx + 1, class_loss.data[0], 100. * correct / total))
        if batch_idx % 1000 == 0:
            val(epoch, batch_idx)
            val_tch(epoch, batch_idx)
            net.train()
            teacher.train()


net = models.resnet50(pretrained=True)
net.fc = nn.Linear(2048, 14)
teacher = models.resnet50(pretrained=True)
teacher.fc = nn.Linear(2048, 14)
pretrained = models.resnet50(pretrained=True)
pretrained.fc = nn.Linear(2048, 14)
checkpoint = torch.load('./checkpoint/%s.pth.tar' % args.checkpoint)
pretrained.load_state_dict(checkpoint['state_dict'])
if use_cuda:
    net.cuda()
    teacher.cuda()
    pretrained.cuda()
pretrained.eval()
for param in teacher.parameters():
    param.requires_grad = False
for param in pretrained.parameters():
    param.requires_grad = False

criterion = nn.CrossEntropyLoss()
kl_criterion = nn.KLDivLoss()  # expect: LG009
optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-3)

for epoch in range(1, 1 + args.num_epochs):
    train(epoch)
