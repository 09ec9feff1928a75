"""part of positive project [LG010, LG011]: the source-only FCN trainer's supervised_loss builds nn.NLLLoss2d(weight=..., size_average=True, ignore_index=255) on every call and gives it F.log_softmax(score) without dim; the log keeps loss.data[0] numbers in a deque."""
# Source: jhoffman/cycada_release at e04d72fb, scripts/train_fcn.py (read as is); re-typed, identifiers renamed; the click
# options, transforms and logging shortened (get_dataset, get_model, augment_collate, make_variable, step_lr as in the
# source's modules).
import os
from collections import deque

import numpy as np
import torch
import torch.nn.functional as F
from tensorboardX import SummaryWriter

from cycada.data.data_loader import get_fcn_dataset as get_dataset
from cycada.models import get_model
from cycada.tools.util import make_variable
from cycada.transforms import augment_collate


def roundrobin_infinite(*loaders):
    if not loaders:
        return
    iters = [iter(loader) for loader in loaders]
    while True:
        for i in range(len(iters)):
            it = iters[i]
            try:
                yield next(it)
            except StopIteration:
                iters[i] = iter(loaders[i])
                yield next(iters[i])


def supervised_loss(score, label, weights=None):
    nll = torch.nn.NLLLoss2d(weight=weights, size_average=True,  # expect: LG010
                             ignore_index=255)
    loss = nll(F.log_softmax(score), label)  # expect: LG011
    return loss


def main(output, dataset, datadir, batch_size, lr, step, iterations, momentum, snapshot, augmentation, crop_size,
         model, gpu, num_cls):
    os.environ['CUDA_VISIBLE_DEVICES'] = gpu
    writer = SummaryWriter(log_dir='runs/{:s}/{:s}'.format(model, '-'.join(dataset)))
    net = get_model(model, num_cls=num_cls, finetune=True)
    net.cuda()
    datasets = [get_dataset(name, os.path.join(datadir, name), transform=net.transform) for name in dataset]
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum, weight_decay=0.0005)
    if augmentation:
        collate_fn = lambda batch: augment_collate(batch, crop=crop_size, flip=True)
    else:
        collate_fn = torch.utils.data.dataloader.default_collate
    loaders = [torch.utils.data.DataLoader(d, batch_size=batch_size, shuffle=True, num_workers=2,
                                           collate_fn=collate_fn, pin_memory=True) for d in datasets]
    iteration = 0
    recent = deque(maxlen=10)
    for im, label in roundrobin_infinite(*loaders):
        opt.zero_grad()
        im = make_variable(im, requires_grad=False)
        label = make_variable(label, requires_grad=False)
        preds = net(im)
        loss = supervised_loss(preds, label)
        loss.backward()
        recent.append(loss.data[0])
        opt.step()
        if iteration % 10 == 0:
            writer.add_scalar('loss', np.mean(recent), iteration)
        iteration += 1
        if iteration % snapshot == 0:
            torch.save(net.state_dict(), '{}-iter{}.pth'.format(output, iteration))
        if iteration >= iterations:
            break
