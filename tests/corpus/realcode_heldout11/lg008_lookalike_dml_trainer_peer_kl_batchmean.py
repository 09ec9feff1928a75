"""look-alike [LG006, LG008, LG009]: deep mutual learning: each student's loss adds, for every peer, nn.KLDivLoss(reduction='batchmean') of its log-softmax against the peer's softmax to a kl_loss reset for every student, and is back-propagated at once; only loss.item() goes to the meters."""
# Source: chxy95/Deep-Mutual-Learning@650e2767684ec481841581b2ff74bfd88fce1d12 trainer.py (read as is; its issue #2 asks why log_softmax and softmax are mixed; re-typed, identifiers renamed, cut at method boundaries: validate, test and the checkpoint helpers left out, __init__ and the progress bar shortened)
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable
from tensorboard_logger import log_value
from tqdm import tqdm

from resnet import resnet32
from utils import accuracy, AverageMeter


class Trainer(object):

    def __init__(self, config, data_loader):
        self.config = config
        self.train_loader = data_loader[0]
        self.valid_loader = data_loader[1]
        self.num_train = len(self.train_loader.dataset)
        self.use_gpu = config.use_gpu
        self.use_tensorboard = config.use_tensorboard
        self.model_num = config.model_num
        self.models = []
        self.optimizers = []
        self.loss_kl = nn.KLDivLoss(reduction='batchmean')
        self.loss_ce = nn.CrossEntropyLoss()
        for i in range(self.model_num):
            net = resnet32()
            if self.use_gpu:
                net.cuda()
            self.models.append(net)
            self.optimizers.append(optim.SGD(net.parameters(), lr=config.init_lr, momentum=config.momentum,
                                             weight_decay=config.weight_decay, nesterov=config.nesterov))

    def train_one_epoch(self, epoch):
        batch_time = AverageMeter()
        losses = []
        accs = []
        for k in range(self.model_num):
            self.models[k].train()
            losses.append(AverageMeter())
            accs.append(AverageMeter())

        tic = time.time()
        with tqdm(total=self.num_train) as pbar:
            for step, (images, labels) in enumerate(self.train_loader):
                if self.use_gpu:
                    images, labels = images.cuda(), labels.cuda()
                images, labels = Variable(images), Variable(labels)

                outputs = []
                for net in self.models:
                    outputs.append(net(images))
                for k in range(self.model_num):
                    ce = self.loss_ce(outputs[k], labels)
                    kl_loss = 0
                    for j in range(self.model_num):
                        if k != j:
                            kl_loss += self.loss_kl(F.log_softmax(outputs[k], dim=1),
                                                    F.softmax(Variable(outputs[j]), dim=1))
                    loss = ce + kl_loss / (self.model_num - 1)
                    prec = accuracy(outputs[k].data, labels.data, topk=(1,))[0]
                    losses[k].update(loss.item(), images.size()[0])
                    accs[k].update(prec.item(), images.size()[0])
                    self.optimizers[k].zero_grad()
                    loss.backward()
                    self.optimizers[k].step()

                batch_time.update(time.time() - tic)
                pbar.update(images.shape[0])
                if self.use_tensorboard:
                    it = epoch * len(self.train_loader) + step
                    for k in range(self.model_num):
                        log_value('train_loss_%d' % (k + 1), losses[k].avg, it)
        return losses, accs
