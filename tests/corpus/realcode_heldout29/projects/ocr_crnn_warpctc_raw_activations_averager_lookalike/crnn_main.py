"""part of look-alike project [LG006, LG012, LG014]: the training script builds warp-ctc's CTCLoss (from warpctc_pytorch, which applies the softmax itself and takes raw activations) and feeds it the CRNN's per-frame scores; trainBatch clears the network, back-propagates and steps (an Adadelta is rebuilt only under a flag the loop never passes); the averager keeps cost.data."""
# Source: xiaofengShi/CHINESE-OCR at 46395d14, train/pytorch-train/crnn_main.py; re-typed, identifiers renamed; the argument parser, the
# lmdb dataset set-up, the validation's decoding and the checkpoint clean-up shortened; Python 2's
# train_iter.next() kept. dataset and keys are the repository's (not included); opt is the parsed arguments.
from __future__ import print_function

import argparse
import random

import numpy as np
import torch
import torch.optim as optim
import torch.utils.data
from torch.autograd import Variable
from warpctc_pytorch import CTCLoss

import dataset
import models.crnn as crnn
import utils
from keys import alphabet

parser = argparse.ArgumentParser()
parser.add_argument('--trainroot', help='path to dataset')
parser.add_argument('--batchSize', type=int, default=128)
parser.add_argument('--imgH', type=int, default=32)
parser.add_argument('--nh', type=int, default=256)
parser.add_argument('--niter', type=int, default=1000000)
parser.add_argument('--lr', type=float, default=0.003)
parser.add_argument('--cuda', action='store_true')
parser.add_argument('--ngpu', type=int, default=1)
parser.add_argument('--adam', action='store_true')
parser.add_argument('--adadelta', action='store_true')
parser.add_argument('--valInterval', type=int, default=256)
opt = parser.parse_args()

random.seed(opt.manualSeed)
np.random.seed(opt.manualSeed)
torch.manual_seed(opt.manualSeed)

train_dataset = dataset.lmdbDataset(root=opt.trainroot)
train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=opt.batchSize, shuffle=False,
                                           collate_fn=dataset.alignCollate(imgH=opt.imgH, imgW=opt.imgW))
nclass = len(alphabet) + 1
nc = 1

converter = utils.strLabelConverter(alphabet)
criterion = CTCLoss()


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


crnn = crnn.CRNN(opt.imgH, nc, nclass, int(opt.nh), int(opt.ngpu))
crnn.apply(weights_init)

image = torch.FloatTensor(opt.batchSize, 3, opt.imgH, opt.imgH)
text = torch.IntTensor(opt.batchSize * 5)
length = torch.IntTensor(opt.batchSize)
if opt.cuda:
    crnn.cuda()
    image = image.cuda()
    criterion = criterion.cuda()
image = Variable(image)
text = Variable(text)
length = Variable(length)

loss_avg = utils.averager()

if opt.adam:
    optimizer = optim.Adam(crnn.parameters(), lr=opt.lr, betas=(opt.beta1, 0.999))
elif opt.adadelta:
    optimizer = optim.Adadelta(crnn.parameters(), lr=opt.lr)
else:
    optimizer = optim.RMSprop(crnn.parameters(), lr=opt.lr)


def trainBatch(net, criterion, optimizer, flage=False):
    data = train_iter.next()
    cpu_images, cpu_texts = data
    batch_size = cpu_images.size(0)
    utils.loadData(image, cpu_images)
    t, l = converter.encode(cpu_texts)
    utils.loadData(text, t)
    utils.loadData(length, l)

    preds = crnn(image)
    preds_size = Variable(torch.IntTensor([preds.size(0)] * batch_size))
    cost = criterion(preds, text, preds_size, length) / batch_size
    crnn.zero_grad()
    cost.backward()
    if flage:
        lr = 0.0001
        optimizer = optim.Adadelta(crnn.parameters(), lr=lr)
    optimizer.step()
    return cost


for epoch in range(opt.niter):
    train_iter = iter(train_loader)
    i = 0
    while i < len(train_loader):
        for p in crnn.parameters():
            p.requires_grad = True
        crnn.train()
        cost = trainBatch(crnn, criterion, optimizer)
        loss_avg.add(cost)
        i += 1
        if i % opt.valInterval == 0:
            print("epoch:{},step:{},train loss:{}".format(epoch, i, loss_avg.val()))
            loss_avg.reset()
            torch.save(crnn.state_dict(), '{}/netCRNN.pth'.format(opt.experiment))
