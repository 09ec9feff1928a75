"""part of positive project [LG011]: the VOC training script's loss_calc builds nn.LogSoftmax() without dim and nn.NLLLoss2d() for each of the model's four score maps, sums them, and steps every iter_size iterations."""
# Source: isht7/pytorch-deeplab-resnet at ba813636, train.py (read as is); re-typed, identifiers renamed, Python 2
# print statements written as print() calls and data_gen.next() as next(data_gen); the docopt usage text, the image
# and label augmentation helpers and the parameter-group generators shortened (read_file, chunker, get_batch,
# backbone_params, head_params stand for cut parts).
import os

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from docopt import docopt

import deeplab_resnet

args = docopt(__doc__, version='v0.1')
gpu0 = int(args['--gpu0'])


def loss_calc(out, label, gpu0):
    """Cross entropy loss for semantic segmentation."""
    label = label[:, :, 0, :].transpose(2, 0, 1)
    label = torch.from_numpy(label).long()
    label = Variable(label).cuda(gpu0)
    m = nn.LogSoftmax()  # expect: LG011
    criterion = nn.NLLLoss2d()
    out = m(out)
    return criterion(out, label)


def lr_poly(base_lr, it, max_iter, power):
    return base_lr * ((1 - float(it) / max_iter) ** (power))


if not os.path.exists('data/snapshots'):
    os.makedirs('data/snapshots')

model = deeplab_resnet.build_deeplab(int(args['--NoLabels']))
saved = torch.load('data/MS_DeepLab_resnet_pretrained_COCO_init.pth')
model.load_state_dict(saved)

max_iter = int(args['--maxIter'])
batch_size = 1
weight_decay = float(args['--wtDecay'])
base_lr = float(args['--lr'])

model.float()
model.eval()

img_list = read_file(args['--LISTpath'])
data_list = []
for i in range(10):
    np.random.shuffle(img_list)
    data_list.extend(img_list)

model.cuda(gpu0)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD([{'params': backbone_params(model), 'lr': base_lr},
                       {'params': head_params(model), 'lr': 10 * base_lr}],
                      lr=base_lr, momentum=0.9, weight_decay=weight_decay)

optimizer.zero_grad()
data_gen = chunker(data_list, batch_size)

for it in range(max_iter + 1):
    chunk = next(data_gen)
    images, label = get_batch(chunk)
    images = Variable(images).cuda(gpu0)

    out = model(images)
    loss = loss_calc(out[0], label[0], gpu0)
    iter_size = int(args['--iterSize'])
    for i in range(len(out) - 1):
        loss = loss + loss_calc(out[i + 1], label[i + 1], gpu0)
    loss = loss / iter_size
    loss.backward()

    if it % 1 == 0:
        print('iter = ', it, 'of', max_iter, 'completed, loss = ', iter_size * (loss.data.cpu().numpy()))

    if it % iter_size == 0:
        optimizer.step()
        lr_ = lr_poly(base_lr, it, max_iter, 0.9)
        print('(poly lr policy) learning rate', lr_)
        optimizer = optim.SGD([{'params': backbone_params(model), 'lr': lr_},
                               {'params': head_params(model), 'lr': 10 * lr_}],
                              lr=lr_, momentum=0.9, weight_decay=weight_decay)
        optimizer.zero_grad()

    if it % 1000 == 0 and it != 0:
        print('taking snapshot ...')
        torch.save(model.state_dict(), 'data/snapshots/VOC12_scenes_' + str(it) + '.pth')
