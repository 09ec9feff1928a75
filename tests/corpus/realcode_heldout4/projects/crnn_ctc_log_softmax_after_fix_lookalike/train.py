"""part of look-alike project [LG012, LG006]: the same CRNN training after the fix: forward ends in F.log_softmax(output, dim=2) before torch.nn.CTCLoss (zero_infinity when asked); the loss averager adds cost.data."""
# Source: https://github.com/Holmeyoung/crnn-pytorch train.py at dc2f21afc14464e57add768956ed5aaa72983a51 (after a65587af6ce7557a29b0d7677430173d581ad972, "may fix ctcloss nan");
# re-typed, names changed, reduced (validation and checkpoints left out).
import argparse
import random

import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.optim as optim
import torch.utils.data
from torch.autograd import Variable
from torch.nn import CTCLoss

import dataset
import models.crnn as crnn
import params
import utils

parser = argparse.ArgumentParser()
parser.add_argument("--trainroot", required=True, help="path to train dataset")
parser.add_argument("--valroot", required=True, help="path to val dataset")
args = parser.parse_args()

random.seed(params.manualSeed)
np.random.seed(params.manualSeed)
torch.manual_seed(params.manualSeed)
cudnn.benchmark = True

train_dataset = dataset.lmdbDataset(root=args.trainroot)
train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=params.batchSize, shuffle=True,
                                           num_workers=int(params.workers),
                                           collate_fn=dataset.alignCollate(imgH=params.imgH, imgW=params.imgW, keep_ratio=params.keep_ratio))


def weights_init(m):
    name = m.__class__.__name__
    if name.find("Conv") != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif name.find("BatchNorm") != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


nclass = len(params.alphabet) + 1
crnn = crnn.CRNN(params.imgH, params.nc, nclass, params.nh)
crnn.apply(weights_init)
if params.pretrained != "":
    crnn.load_state_dict(torch.load(params.pretrained))

converter = utils.strLabelConverter(params.alphabet)
criterion = CTCLoss()
if params.dealwith_lossnan:
    criterion = CTCLoss(zero_infinity=True)

image = torch.FloatTensor(params.batchSize, 3, params.imgH, params.imgH)
text = torch.IntTensor(params.batchSize * 5)
length = torch.IntTensor(params.batchSize)
if params.cuda and torch.cuda.is_available():
    crnn.cuda()
    image = image.cuda()
    criterion = criterion.cuda()
image = Variable(image)
text = Variable(text)
length = Variable(length)

loss_avg = utils.averager()

if params.adam:
    optimizer = optim.Adam(crnn.parameters(), lr=params.lr, betas=(params.beta1, 0.999))
elif params.adadelta:
    optimizer = optim.Adadelta(crnn.parameters())
else:
    optimizer = optim.RMSprop(crnn.parameters(), lr=params.lr)


def trainBatch(net, criterion, optimizer):
    data = train_iter.next()
    cpu_images, cpu_texts = data
    batch_size = cpu_images.size(0)
    utils.loadData(image, cpu_images)
    t, l = converter.encode(cpu_texts)
    utils.loadData(text, t)
    utils.loadData(length, l)

    optimizer.zero_grad()
    preds = crnn(image)
    preds_size = Variable(torch.IntTensor([preds.size(0)] * batch_size))
    cost = criterion(preds, text, preds_size, length) / batch_size
    cost.backward()
    optimizer.step()
    return cost


if __name__ == "__main__":
    for epoch in range(params.nepoch):
        train_iter = iter(train_loader)
        i = 0
        while i < len(train_loader):
            for p in crnn.parameters():
                p.requires_grad = True
            crnn.train()
            cost = trainBatch(crnn, criterion, optimizer)
            loss_avg.add(cost)
            i += 1
            if i % params.displayInterval == 0:
                print("[%d/%d][%d/%d] Loss: %f" % (epoch, params.nepoch, i, len(train_loader), loss_avg.val()))
                loss_avg.reset()
