"""part of look-alike project [LG001, LG006, LG007, LG015]: the trainer weights an nn.NLLLoss by inverse class frequency (wrapped in nn.DataParallel when several GPUs are used) and feeds it torch.log(output.clamp(min=1e-8)) of the segmentator's probabilities; with several GPUs the per-GPU loss vector is back-propagated with loss.backward(idx) and a ones vector, then reduced with loss.mean() for the meters, which take loss.item()."""
# Source: PRBonn/lidar-bonnetal at 99b827f0 (read as is), train/tasks/semantic/modules/trainer.py;
# re-typed, identifiers renamed; logging, image summaries, the CRF parameter group, validation, the update-ratio
# meter and the epoch loop's bookkeeping cut.
import imp
import os
import time

import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim

import __init__ as booger
from common.avgmeter import *
from common.warmupLR import *
from common.sync_batchnorm.batchnorm import convert_model
from tasks.semantic.modules.ioueval import *
from tasks.semantic.modules.segmentator import *


class Trainer():
    def __init__(self, ARCH, DATA, datadir, logdir, path=None):
        self.ARCH = ARCH
        self.DATA = DATA
        self.path = path
        parser_path = os.path.join(booger.TRAIN_PATH, "tasks", "semantic", "dataset", self.DATA["name"], "parser.py")
        parser_module = imp.load_source("parserModule", parser_path)
        self.parser = parser_module.Parser(root=datadir,
                                           train_sequences=self.DATA["split"]["train"],
                                           valid_sequences=self.DATA["split"]["valid"],
                                           test_sequences=None,
                                           labels=self.DATA["labels"],
                                           color_map=self.DATA["color_map"],
                                           learning_map=self.DATA["learning_map"],
                                           learning_map_inv=self.DATA["learning_map_inv"],
                                           sensor=self.ARCH["dataset"]["sensor"],
                                           max_points=self.ARCH["dataset"]["max_points"],
                                           batch_size=self.ARCH["train"]["batch_size"],
                                           workers=self.ARCH["train"]["workers"],
                                           gt=True,
                                           shuffle_train=True)
        epsilon_w = self.ARCH["train"]["epsilon_w"]
        content = torch.zeros(self.parser.get_n_classes(), dtype=torch.float)
        for cl, freq in DATA["content"].items():
            x_cl = self.parser.to_xentropy(cl)
            content[x_cl] += freq
        self.loss_w = 1 / (content + epsilon_w)
        for x_cl, w in enumerate(self.loss_w):
            if DATA["learning_ignore"][x_cl]:
                self.loss_w[x_cl] = 0

        with torch.no_grad():
            self.model = RangeSegmentator(self.ARCH, self.parser.get_n_classes(), self.path)

        self.model_single = self.model
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.gpu = False
        self.multi_gpu = False
        self.n_gpus = 0
        if torch.cuda.is_available() and torch.cuda.device_count() > 0:
            cudnn.benchmark = True
            self.gpu = True
            self.n_gpus = 1
            self.model.cuda()
        if torch.cuda.is_available() and torch.cuda.device_count() > 1:
            self.model = nn.DataParallel(self.model)
            self.model = convert_model(self.model).cuda()
            self.model_single = self.model.module
            self.multi_gpu = True
            self.n_gpus = torch.cuda.device_count()

        if "loss" in self.ARCH["train"].keys() and self.ARCH["train"]["loss"] == "xentropy":
            self.criterion = nn.NLLLoss(weight=self.loss_w).to(self.device)
        else:
            raise Exception('Loss not defined in config file')
        if self.n_gpus > 1:
            self.criterion = nn.DataParallel(self.criterion).cuda()

        self.train_dicts = []
        if self.ARCH["backbone"]["train"]:
            self.train_dicts.append({'params': self.model_single.backbone.parameters()})
        if self.ARCH["decoder"]["train"]:
            self.train_dicts.append({'params': self.model_single.decoder.parameters()})
        if self.ARCH["head"]["train"]:
            self.train_dicts.append({'params': self.model_single.head.parameters()})
        self.optimizer = optim.SGD(self.train_dicts,
                                   lr=self.ARCH["train"]["lr"],
                                   momentum=self.ARCH["train"]["momentum"],
                                   weight_decay=self.ARCH["train"]["w_decay"])
        steps_per_epoch = self.parser.get_train_size()
        self.scheduler = warmupLR(optimizer=self.optimizer, lr=self.ARCH["train"]["lr"],
                                  warmup_steps=int(self.ARCH["train"]["wup_epochs"] * steps_per_epoch),
                                  momentum=self.ARCH["train"]["momentum"],
                                  decay=self.ARCH["train"]["lr_decay"] ** (1 / steps_per_epoch))

    def train(self):
        self.ignore_class = []
        for i, w in enumerate(self.loss_w):
            if w < 1e-10:
                self.ignore_class.append(i)
        self.evaluator = iouEval(self.parser.get_n_classes(), self.device, self.ignore_class)
        for epoch in range(self.ARCH["train"]["max_epochs"]):
            acc, iou, loss = self.train_epoch(train_loader=self.parser.get_train_set(), model=self.model,
                                              criterion=self.criterion, optimizer=self.optimizer, epoch=epoch,
                                              evaluator=self.evaluator, scheduler=self.scheduler)

    def train_epoch(self, train_loader, model, criterion, optimizer, epoch, evaluator, scheduler):
        losses = AverageMeter()
        acc = AverageMeter()
        iou = AverageMeter()
        if self.gpu:
            torch.cuda.empty_cache()
        model.train()
        for i, (in_vol, proj_mask, proj_labels, *_rest) in enumerate(train_loader):
            if not self.multi_gpu and self.gpu:
                in_vol = in_vol.cuda()
                proj_mask = proj_mask.cuda()
            if self.gpu:
                proj_labels = proj_labels.cuda(non_blocking=True).long()

            output = model(in_vol, proj_mask)
            loss = criterion(torch.log(output.clamp(min=1e-8)), proj_labels)

            optimizer.zero_grad()
            if self.n_gpus > 1:
                idx = torch.ones(self.n_gpus).cuda()
                loss.backward(idx)
            else:
                loss.backward()
            optimizer.step()

            loss = loss.mean()
            with torch.no_grad():
                evaluator.reset()
                argmax = output.argmax(dim=1)
                evaluator.addBatch(argmax, proj_labels)
                accuracy = evaluator.getacc()
                jaccard, class_jaccard = evaluator.getIoU()
            losses.update(loss.item(), in_vol.size(0))
            acc.update(accuracy.item(), in_vol.size(0))
            iou.update(jaccard.item(), in_vol.size(0))
            scheduler.step()
        return acc.avg, iou.avg, losses.avg
