"""part of positive project [LG012]: trainBatch and validation call torch.nn.CTCLoss on the CRNN's raw scores (the model is built as `crnn = crnn.TextRecognizer(...)`, shadowing its module)."""
# Source: duyddwcs/crnn-pytorch at 702799b76f3f6a4d893159339c357b3be60f630c train.py (dataset/lmdb setup and checkpoint naming shortened; the globals shared by trainBatch/validation, the module-shadowing `crnn = crnn.CRNN(...)`, the DataParallel branch and the `/ batch_size` after a mean-reduced CTCLoss kept; `from config import *` supplies the settings)
import os
import random
import torch
import torch.backends.cudnn as cudnn
import torch.optim as optim
import torch.utils.data
from torch.nn import CTCLoss
from torch.autograd import Variable

from collections import OrderedDict
import numpy as np
import utils
import dataset

from config import *
import models.crnn as crnn


if not os.path.exists(expr_dir):
    os.makedirs(expr_dir)

cudnn.benchmark = True

train_dataset = dataset.lmdbDataset(root=trainRoot)
train_loader = torch.utils.data.DataLoader(
    train_dataset, batch_size=batchSize, shuffle=True,
    num_workers=int(workers),
    collate_fn=dataset.my_collate_fn(imgH=imgH, imgW=imgW, keep_ratio=keep_ratio))
test_dataset = dataset.lmdbDataset(root=valRoot, transform=dataset.resizeNormalize((100, 32)))

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


crnn = crnn.TextRecognizer(imgH, nc, nclass, nh)
crnn.apply(weights_init)

image = torch.FloatTensor(batchSize, 3, imgH, imgH)
text = torch.IntTensor(batchSize * 5)
length = torch.IntTensor(batchSize)

if cuda:
    crnn.cuda()
    crnn = torch.nn.DataParallel(crnn, device_ids=range(ngpu))
    image = image.cuda()
    criterion = criterion.cuda()

if pretrained != '':
    state_dict = torch.load(pretrained)
    renamed = OrderedDict()
    for k, v in state_dict.items():
        renamed[k[7:]] = v
    crnn.load_state_dict(renamed)

image = Variable(image)
text = Variable(text)
length = Variable(length)

loss_avg = utils.averager()

if adam:
    optimizer = optim.Adam(crnn.parameters(), lr=lr, betas=(beta1, 0.999))
elif adadelta:
    optimizer = optim.Adadelta(crnn.parameters())
else:
    optimizer = optim.RMSprop(crnn.parameters(), lr=lr)


def validation(net, dataset, criterion, max_iter=100):
    for p in crnn.parameters():
        p.requires_grad = False

    net.eval()
    data_loader = torch.utils.data.DataLoader(
        dataset, shuffle=True, batch_size=batchSize, num_workers=int(workers))
    val_iter = iter(data_loader)

    n_correct = 0
    loss_avg = utils.averager()

    max_iter = min(max_iter, len(data_loader))
    for i in range(max_iter):
        data = next(val_iter)

        cpu_images, cpu_texts = data
        batch_size = cpu_images.size(0)
        utils.loadData(image, cpu_images)
        t, l = converter.encode(cpu_texts)
        utils.loadData(text, t)
        utils.loadData(length, l)

        preds = crnn(image)
        preds_size = Variable(torch.IntTensor([preds.size(0)] * batch_size))
        cost = criterion(preds, text, preds_size, length) / batch_size  # expect: LG012
        loss_avg.add(cost)

        _, preds = preds.max(2)
        preds = preds.transpose(1, 0).contiguous().view(-1)
        sim_preds = converter.decode(preds.data, preds_size.data, raw=False)
        for pred, target in zip(sim_preds, cpu_texts):
            if pred == target:
                n_correct += 1

    accuracy = n_correct / float(max_iter * batchSize)
    print('Val loss: %f, accuray: %f' % (loss_avg.val(), accuracy))


def trainBatch(net, criterion, optimizer):
    data = next(train_iter)

    cpu_images, cpu_texts = data
    batch_size = cpu_images.size(0)
    utils.loadData(image, cpu_images)
    t, l = converter.encode(cpu_texts)
    utils.loadData(text, t)
    utils.loadData(length, l)

    preds = crnn(image)
    preds_size = Variable(torch.IntTensor([preds.size(0)] * batch_size))
    cost = criterion(preds, text, preds_size, length) / batch_size  # expect: LG012

    crnn.zero_grad()
    cost.backward()
    optimizer.step()

    return cost


if __name__ == "__main__":
    for epoch in range(nepoch):
        train_iter = iter(train_loader)
        i = 0

        while i < len(train_loader):
            for p in crnn.parameters():
                p.requires_grad = True
                crnn.train()

            cost = trainBatch(crnn, criterion, optimizer)
            loss_avg.add(cost)
            i += 1

            if i % displayInterval == 0:
                print('[%d/%d][%d/%d] Loss: %f' % (epoch, nepoch, i, len(train_loader), loss_avg.val()))
                loss_avg.reset()

            if i % valInterval == 0:
                validation(crnn, test_dataset, criterion)
                if i % saveInterval == 0:
                    torch.save(crnn.state_dict(), '{0}/netCRNN_{1}_{2}.pth'.format(expr_dir, epoch, i))
