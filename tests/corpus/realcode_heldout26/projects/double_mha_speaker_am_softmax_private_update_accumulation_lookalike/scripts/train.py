"""part of look-alike project [LG001, LG006, LG014, LG017]: the trainer class back-propagates nn.CrossEntropyLoss on the margin scores every batch, keeps loss.item(), and calls its private __update (optimizer.step(), then zero_grad()) every gradientAccumulation batches; accuracy is read from the plain cosines."""
# Source: miquelindia90/DoubleAttentionSpeakerVerification at 5c8aa5de (read as is), scripts/train.py; re-typed, identifiers renamed;
# checkpoint requeue, EER validation and the learning-rate halving shortened (Dataset, Accuracy, chkptsave as in
# the source's data and utils modules).
import random
import time

import torch
from torch import nn, optim
from torch.utils.data import DataLoader

from data import Dataset
from model import SpeakerClassifier
from utils import Accuracy, chkptsave


class Trainer:

    def __init__(self, params, device):
        self.params = params
        self.device = device
        self.__load_network()
        self.__load_data()
        self.__load_optimizer()
        self.__load_criterion()
        self.step = 0
        self.starting_epoch = 0
        self.best_EER = 50.0
        self.stopping = 0.0

    def __load_network(self):
        self.net = SpeakerClassifier(self.params, self.device)
        self.net.to(self.device)
        if torch.cuda.device_count() > 1:
            self.net = nn.DataParallel(self.net)

    def __load_data(self):
        with open(self.params.train_labels_path, 'r') as f:
            train_labels = f.readlines()
        self.training_generator = DataLoader(Dataset(train_labels, self.params), batch_size=self.params.batch_size,
                                             shuffle=True, num_workers=self.params.num_workers)

    def __load_optimizer(self):
        if self.params.optimizer == 'Adam':
            self.optimizer = optim.Adam(self.net.parameters(), lr=self.params.learning_rate, weight_decay=self.params.weight_decay)
        if self.params.optimizer == 'SGD':
            self.optimizer = optim.SGD(self.net.parameters(), lr=self.params.learning_rate, weight_decay=self.params.weight_decay)

    def __load_criterion(self):
        self.criterion = nn.CrossEntropyLoss()

    def __initialize_batch_variables(self):
        self.print_time = time.time()
        self.train_loss = 0.0
        self.train_accuracy = 0.0
        self.train_batch = 0

    def __update(self):
        self.optimizer.step()
        self.optimizer.zero_grad()
        self.step += 1
        if self.step % int(self.params.print_every) == 0:
            print('Training Epoch:{epoch: d}, Updates:{n: d} -----> xent:{x: .3f}, Accuracy:{acc: .2f}'.format(
                epoch=self.epoch, n=self.step, x=self.train_loss / self.train_batch,
                acc=self.train_accuracy * 100 / self.train_batch))
            self.__initialize_batch_variables()
        if self.step % self.params.validate_every == 0:
            self.__validate()

    def __randomSlice(self, inputTensor):
        index = random.randrange(200, self.params.window_size * 100)
        return inputTensor[:, :index, :]

    def train(self):
        for self.epoch in range(self.starting_epoch, self.params.max_epochs):
            self.net.train()
            self.__initialize_batch_variables()
            for input, label in self.training_generator:
                input, label = input.float().to(self.device), label.long().to(self.device)
                input = self.__randomSlice(input) if self.params.randomSlicing else input
                prediction, AMPrediction = self.net(input, label=label, step=self.step)
                loss = self.criterion(AMPrediction, label)
                loss.backward()
                self.train_accuracy += Accuracy(prediction, label)
                self.train_loss += loss.item()
                self.train_batch += 1
                if self.train_batch % self.params.gradientAccumulation == 0:
                    self.__update()
            if self.stopping > self.params.early_stopping:
                break
