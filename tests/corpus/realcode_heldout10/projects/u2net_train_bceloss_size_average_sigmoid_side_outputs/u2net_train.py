"""part of positive project [LG010]: the training script builds nn.BCELoss(size_average=True) at module level and applies it, in muti_bce_loss_fusion, to each of the seven sigmoid maps the model returns."""
# Source: xuebinqin/U-2-Net@ac7e1c817ecab7c7dff5ce6b1abba61cd213ff29 u2net_train.py (read as is; re-typed, the file-list building and transforms shortened)
import os
import glob

import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from torch.utils.data import DataLoader
from torchvision import transforms

from data_loader import RescaleT, RandomCrop, ToTensorLab, SalObjDataset

from model import U2NET
from model import U2NETP

bce_loss = nn.BCELoss(size_average=True)  # expect: LG010


def muti_bce_loss_fusion(d0, d1, d2, d3, d4, d5, d6, labels_v):
    loss0 = bce_loss(d0, labels_v)
    loss1 = bce_loss(d1, labels_v)
    loss2 = bce_loss(d2, labels_v)
    loss3 = bce_loss(d3, labels_v)
    loss4 = bce_loss(d4, labels_v)
    loss5 = bce_loss(d5, labels_v)
    loss6 = bce_loss(d6, labels_v)

    loss = loss0 + loss1 + loss2 + loss3 + loss4 + loss5 + loss6
    print("l0: %3f, l1: %3f, l2: %3f, l3: %3f, l4: %3f, l5: %3f, l6: %3f" % (
        loss0.data.item(), loss1.data.item(), loss2.data.item(), loss3.data.item(),
        loss4.data.item(), loss5.data.item(), loss6.data.item()))

    return loss0, loss


model_name = 'u2net'

data_dir = os.path.join(os.getcwd(), 'train_data' + os.sep)
model_dir = os.path.join(os.getcwd(), 'saved_models', model_name + os.sep)

epoch_num = 100000
batch_size_train = 12

image_paths = glob.glob(data_dir + 'DUTS/DUTS-TR/im_aug/*.jpg')
label_paths = [p.replace('im_aug', 'gt_aug').replace('.jpg', '.png') for p in image_paths]
train_num = len(image_paths)

dataset = SalObjDataset(
    img_name_list=image_paths,
    lbl_name_list=label_paths,
    transform=transforms.Compose([RescaleT(320), RandomCrop(288), ToTensorLab(flag=0)]))
loader = DataLoader(dataset, batch_size=batch_size_train, shuffle=True, num_workers=1)

if model_name == 'u2net':
    net = U2NET(3, 1)
elif model_name == 'u2netp':
    net = U2NETP(3, 1)

if torch.cuda.is_available():
    net.cuda()

optimizer = optim.Adam(net.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0)

ite_num = 0
running_loss = 0.0
running_tar_loss = 0.0
ite_num4val = 0
save_frq = 2000

for epoch in range(0, epoch_num):
    net.train()

    for i, data in enumerate(loader):
        ite_num = ite_num + 1
        ite_num4val = ite_num4val + 1

        inputs, labels = data['image'], data['label']
        inputs = inputs.type(torch.FloatTensor)
        labels = labels.type(torch.FloatTensor)

        if torch.cuda.is_available():
            inputs_v, labels_v = Variable(inputs.cuda(), requires_grad=False), Variable(labels.cuda(), requires_grad=False)
        else:
            inputs_v, labels_v = Variable(inputs, requires_grad=False), Variable(labels, requires_grad=False)

        optimizer.zero_grad()

        d0, d1, d2, d3, d4, d5, d6 = net(inputs_v)
        loss2, loss = muti_bce_loss_fusion(d0, d1, d2, d3, d4, d5, d6, labels_v)

        loss.backward()
        optimizer.step()

        running_loss += loss.data.item()
        running_tar_loss += loss2.data.item()

        del d0, d1, d2, d3, d4, d5, d6, loss2, loss

        if ite_num % save_frq == 0:
            torch.save(net.state_dict(), model_dir + model_name + "_bce_itr_%d.pth" % ite_num)
            running_loss = 0.0
            running_tar_loss = 0.0
            net.train()
            ite_num4val = 0
