"""part of positive project [LG007, LG011]: the training script picks a discriminator by --dataset, builds it for the twin classifier when --loss_type is 'tac', and scores its class output (a softmax) with nn.NLLLoss, unpacking three outputs or two by the same setting (the fix switches to CrossEntropyLoss)."""

# Source: phymhan/ACGAN-PyTorch@2da848d89a main.py, fixed in b0f5ec0d62 (cut, renamed)
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

from network import NetD, NetDSmall

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', required=True, help='cifar10 | imagenet')
parser.add_argument('--batchSize', type=int, default=1)
parser.add_argument('--niter', type=int, default=25)
parser.add_argument('--lr', type=float, default=0.0002)
parser.add_argument('--num_classes', type=int, default=10)
parser.add_argument('--loss_type', type=str, default='ac', help='[ac | tac]')
parser.add_argument('--lambda_tac', type=float, default=1.0)
parser.add_argument('--cuda', action='store_true')
opt = parser.parse_args()

ngpu = 1
num_classes = int(opt.num_classes)
tac = opt.loss_type == 'tac'

if opt.dataset == 'imagenet':
    netD = NetD(ngpu, num_classes, tac=opt.loss_type == 'tac')
elif opt.dataset == 'cifar10':
    netD = NetDSmall(ngpu, num_classes, tac=opt.loss_type == 'tac')
else:
    raise NotImplementedError

dis_criterion = nn.BCELoss()
aux_criterion = nn.NLLLoss()

input = torch.FloatTensor(opt.batchSize, 3, 32, 32)
dis_label = torch.FloatTensor(opt.batchSize)
aux_label = torch.LongTensor(opt.batchSize)
if opt.cuda:
    netD.cuda()
    dis_criterion.cuda()
    aux_criterion.cuda()
    input, dis_label, aux_label = input.cuda(), dis_label.cuda(), aux_label.cuda()
input = Variable(input)
dis_label = Variable(dis_label)
aux_label = Variable(aux_label)

optimizerD = optim.Adam(netD.parameters(), lr=opt.lr, betas=(0.5, 0.999))
dataloader = torch.utils.data.DataLoader(None, batch_size=opt.batchSize, shuffle=True)

for epoch in range(opt.niter):
    for i, data in enumerate(dataloader, 0):
        netD.zero_grad()
        real_cpu, label = data
        batch_size = real_cpu.size(0)
        with torch.no_grad():
            input.resize_as_(real_cpu).copy_(real_cpu)
            dis_label.resize_(batch_size).fill_(1)
            aux_label.resize_(batch_size).copy_(label)
        if tac:
            dis_output, aux_output, _ = netD(input)
        else:
            dis_output, aux_output = netD(input)

        dis_errD_real = dis_criterion(dis_output, dis_label)
        aux_errD_real = aux_criterion(aux_output, aux_label)  # expect: LG007
        errD_real = dis_errD_real + aux_errD_real
        errD_real.backward()

        fake = torch.randn(batch_size, 3, 32, 32)
        label = np.random.randint(0, num_classes, batch_size)
        aux_label.resize_(batch_size).copy_(torch.from_numpy(label))
        if tac:
            dis_output, aux_output, tac_output = netD(fake.detach())
            tac_errD_fake = aux_criterion(tac_output, aux_label)  # expect: LG007
        else:
            dis_output, aux_output = netD(fake.detach())
            tac_errD_fake = 0.
        dis_errD_fake = dis_criterion(dis_output, dis_label.fill_(0))
        aux_errD_fake = aux_criterion(aux_output, aux_label)  # expect: LG007
        errD_fake = dis_errD_fake + aux_errD_fake + opt.lambda_tac * tac_errD_fake
        errD_fake.backward()
        optimizerD.step()
