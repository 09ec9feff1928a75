"""part of look-alike project [LG014]: the same trainer at the fix commit: it clears the gradients once per batch, back-propagates every chunk into them and steps once after the chunk loop."""

# Source: eladhoffer/convNet.pytorch@56705c2146 trainer.py (the fix commit; cut, renamed)
import time

import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_

from utils.meters import AverageMeter, accuracy


class ChunkedTrainer(object):

    def __init__(self, model, criterion, optimizer=None, device=torch.cuda, dtype=torch.float, grad_clip=-1):
        self._model = model
        self.criterion = criterion
        self.epoch = 0
        self.training_steps = 0
        self.optimizer = optimizer
        self.device = device
        self.dtype = dtype
        self.grad_clip = grad_clip
        self.model = nn.DataParallel(model)

    def _step(self, inputs_batch, target_batch, training=False, chunk_batch=1):
        outputs = []
        total_loss = 0
        grad = None

        if training:
            self.optimizer.zero_grad()
            self.optimizer.update(self.epoch, self.training_steps)

        for inputs, target in zip(inputs_batch.chunk(chunk_batch, dim=0), target_batch.chunk(chunk_batch, dim=0)):
            target = target.to(self.device)
            inputs = inputs.to(self.device, dtype=self.dtype)

            output = self.model(inputs)
            loss = self.criterion(output, target)

            if chunk_batch > 1:
                loss = loss / chunk_batch

            outputs.append(output.detach())

            if training:
                loss.backward()

            total_loss += float(loss)

        if training:
            if self.grad_clip > 0:
                grad = clip_grad_norm_(self.model.parameters(), self.grad_clip)
            self.optimizer.step()
            self.training_steps += 1

        outputs = torch.cat(outputs, dim=0)
        return outputs, total_loss, grad

    def forward(self, data_loader, training=False, chunk_batch=1):
        meters = {name: AverageMeter() for name in ['step', 'data', 'loss', 'prec1', 'prec5']}
        end = time.time()
        for i, (inputs, target) in enumerate(data_loader):
            meters['data'].update(time.time() - end)
            output, loss, grad = self._step(inputs, target, training=training, chunk_batch=chunk_batch)
            prec1, prec5 = accuracy(output, target, topk=(1, 5))
            meters['loss'].update(float(loss), inputs.size(0))
            meters['prec1'].update(float(prec1), inputs.size(0))
            end = time.time()
        return meters

    def train(self, data_loader, chunk_batch=1):
        self.model.train()
        return self.forward(data_loader, training=True, chunk_batch=chunk_batch)

    def validate(self, data_loader):
        self.model.eval()
        with torch.no_grad():
            return self.forward(data_loader, training=False)
