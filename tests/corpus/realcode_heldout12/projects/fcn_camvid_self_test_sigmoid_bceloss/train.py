"""part of positive project [LG016]: the training script wraps the FCN in DataParallel and trains it with nn.BCEWithLogitsLoss on the raw scores against the float one-hot 'Y'; zero_grad every batch; validation takes argmax of the scores."""
# Source: pochih/FCN-pytorch@89fabead0735470127076f3d5dd0a55ee27bd599 python/train.py (re-typed, identifiers renamed, the IoU and pixel-accuracy helpers and the score saving left out)
from __future__ import print_function

import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from torch.optim import lr_scheduler
from torch.utils.data import DataLoader

from fcn import VGGFeatures, DenseFCN
from CamVid_loader import CamVidSet

n_class = 32
batch_size = 10
epochs = 500
lr = 1e-4
momentum = 0
w_decay = 1e-5
step_size = 50
gamma = 0.5
configs = "FCNs-BCEWithLogits_batch{}_epoch{}".format(batch_size, epochs)

root_dir = "CamVid/"
model_dir = "models"
if not os.path.exists(model_dir):
    os.makedirs(model_dir)

use_gpu = torch.cuda.is_available()
num_gpu = list(range(torch.cuda.device_count()))

train_loader = DataLoader(CamVidSet(csv_file=os.path.join(root_dir, "train.csv"), phase='train'),
                          batch_size=batch_size, shuffle=True, num_workers=8)
val_loader = DataLoader(CamVidSet(csv_file=os.path.join(root_dir, "val.csv"), phase='val', flip_rate=0),
                        batch_size=1, num_workers=8)

backbone = VGGFeatures(requires_grad=True)
net = DenseFCN(pretrained_net=backbone, classes=n_class)
if use_gpu:
    backbone = backbone.cuda()
    net = net.cuda()
    net = nn.DataParallel(net, device_ids=num_gpu)

criterion = nn.BCEWithLogitsLoss()
optimizer = optim.RMSprop(net.parameters(), lr=lr, momentum=momentum, weight_decay=w_decay)
scheduler = lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
IU_scores = np.zeros((epochs, n_class))


def train():
    for epoch in range(epochs):
        scheduler.step()
        ts = time.time()
        for it, batch in enumerate(train_loader):
            optimizer.zero_grad()
            if use_gpu:
                inputs = Variable(batch['X'].cuda())
                labels = Variable(batch['Y'].cuda())
            else:
                inputs, labels = Variable(batch['X']), Variable(batch['Y'])
            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            if it % 10 == 0:
                print("epoch{}, iter{}, loss: {}".format(epoch, it, loss.data[0]))
        print("Finish epoch {}, time elapsed {}".format(epoch, time.time() - ts))
        torch.save(net.state_dict(), os.path.join(model_dir, configs))
        val(epoch)


def val(epoch):
    net.eval()
    for it, batch in enumerate(val_loader):
        if use_gpu:
            inputs = Variable(batch['X'].cuda())
        else:
            inputs = Variable(batch['X'])
        out = net(inputs).data.cpu().numpy()
        _, _, h, w = out.shape
        pred = out.transpose(0, 2, 3, 1).reshape(-1, n_class).argmax(axis=1).reshape(h, w)
        target = batch['l'].cpu().numpy().reshape(h, w)


if __name__ == "__main__":
    val(0)
    train()
