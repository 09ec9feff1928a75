"""part of positive project [LG001, LG011]: a Python 2-era experiment class picks one of two RNN models by a setting, both ending in nn.Softmax(), and trains and evaluates them with nn.CrossEntropyLoss, which applies log-softmax again; the reporter saw the accuracy stay at the majority class."""
# Source: vanzytay/pytorch_sentiment_rnn at de866ab train.py (read as is; issue #3 "Accuracy unchanged while training"; re-typed, names renamed; the argument definitions the training path does not read, the seeding and CUDA set-up, the directory and logging helpers and select_optimizer's other branches are cut)
from __future__ import division
from utilities import *
import argparse
from sklearn.metrics import accuracy_score
import cPickle as pickle
import random
import numpy as np
import time
import torch
import torch.nn as nn
from torch.autograd import Variable
import torch.optim as optim
from keras.preprocessing import sequence
from collections import Counter
from models.rnn import BasicRNN
from models.td_rnn import TargetRNN

def tensor_to_numpy(x):
    return x.data.type(torch.DoubleTensor).numpy()

def repackage_hidden(h):
    if type(h) == Variable:
        return Variable(h.data)
    else:
        return tuple(repackage_hidden(v) for v in h)

class BaseExperiment:
    def __init__(self):
        self.parser = argparse.ArgumentParser()
        self.parser.add_argument("--mdl", dest="model_type", type=str, metavar='<str>', default='RNN', help="(RNN|TD-RNN|ATT-RNN)")
        self.parser.add_argument("--batch-size", dest="batch_size", type=int, metavar='<int>', default=20)
        self.parser.add_argument("--epochs", dest="epochs", type=int, metavar='<int>', default=50)
        self.parser.add_argument("--lr", dest='learn_rate', type=float, metavar='<float>', default=0.001)
        self.parser.add_argument('--eval', dest='eval', type=int, metavar='<int>', default=1)
        self.parser.add_argument('--cuda', action='store_true', help='use CUDA')
        self.args = self.parser.parse_args()
        with open('./store/{}_{}.pkl'.format(self.args.dataset, self.args.mode),'r') as f:
            self.env = pickle.load(f)
        self.train_set = self.env['train']
        self.test_set = self.env['test']
        if(self.args.model_type=='TD-RNN'):
            self.net = TargetRNN(self.args, len(self.env['word_index']),pretrained=self.env['glove'])
        elif(self.args.model_type in ['RNN','ATT-RNN']):
            self.net = BasicRNN(self.args, len(self.env['word_index']),pretrained=self.env['glove'])
        if(self.args.cuda):
            self.net.cuda()

    def evaluate(self, x):
        hidden = self.net.init_hidden(len(x))
        sentence, targets, actual_batch = self.batch_at(x, -1, evaluation=True)
        output, hidden = self.net(sentence, hidden)
        loss = self.criterion(output, targets).data  # expect: LG001
        print("Test loss={}".format(loss[0]))
        accuracy = self.get_accuracy(output, targets)

    def evaluate_target(self, x):
        sentence, targets, actual_batch = self.target_batch_at(x, -1, evaluation=True)
        left_input, right_input = sentence[0], sentence[1]
        left_hidden = repackage_hidden(self.net.init_hidden(actual_batch))
        right_hidden = repackage_hidden(self.net.init_hidden(actual_batch))
        output = self.net(left_input, right_input, left_hidden, right_hidden)
        loss = self.criterion(output, targets).data[0]  # expect: LG001
        print("Test loss={}".format(loss))
        accuracy = self.get_accuracy(output, targets)

    def get_accuracy(self, output, targets):
        output = np.argmax(tensor_to_numpy(output), axis=1)
        print("Output Distribution={}".format(dict(Counter(output))))
        acc = accuracy_score(tensor_to_numpy(targets), output)
        print("Accuracy={}".format(acc))
        return acc

    def pad_to_batch_max(self, x):
        max_len = np.max([len(y) for y in x])
        padded = sequence.pad_sequences(x, maxlen=max_len)
        return torch.LongTensor(padded.tolist()).transpose(0,1)

    def target_batch_at(self, x, i, evaluation=False):
        if(i>=0):
            batch = x[int(i * self.args.batch_size):int(i * self.args.batch_size)+self.args.batch_size]
        else:
            batch = x
        if(len(batch)==0):
            return None, None, self.args.batch_size
        left = self.pad_to_batch_max([x['left'] for x in batch])
        right = self.pad_to_batch_max([x['right'] for x in batch][::-1])
        targets = torch.LongTensor(np.array([x['polarity'] for x in batch], dtype=np.int32).tolist())
        actual_batch = left.size(1)
        left = Variable(left)
        right = Variable(right)
        targets = Variable(targets, volatile=evaluation)
        return [left, right], targets, actual_batch

    def batch_at(self, x, i, evaluation=False):
        if(i>=0):
            batch = x[int(i * self.args.batch_size):int(i * self.args.batch_size)+self.args.batch_size]
        else:
            batch = x
        if(len(batch)==0):
            return None,None, self.args.batch_size
        sentence = self.pad_to_batch_max([x['tokenized_txt'] for x in batch])
        targets = torch.LongTensor(np.array([x['polarity'] for x in batch], dtype=np.int32).tolist())
        actual_batch = sentence.size(1)
        sentence = Variable(sentence)
        targets = Variable(targets, volatile=evaluation)
        return sentence, targets, actual_batch

    def select_optimizer(self):
        self.optimizer =  optim.Adam(self.net.parameters(), lr=self.args.learn_rate)

    def train_target_batch(self, i):
        sentence, targets, actual_batch = self.target_batch_at(self.train_set, i)
        left_input, right_input = sentence[0], sentence[1]
        if(sentence is None):
            return None
        left_hidden = repackage_hidden(self.net.init_hidden(actual_batch))
        right_hidden = repackage_hidden(self.net.init_hidden(actual_batch))
        self.net.zero_grad()
        output = self.net(left_input, right_input, left_hidden, right_hidden)
        loss = self.criterion(output, targets)  # expect: LG001
        loss.backward()
        self.optimizer.step()
        return loss.data[0]

    def train_batch(self, i):
        sentence, targets, actual_batch = self.batch_at(self.train_set, i)
        if(sentence is None):
            return None
        hidden = repackage_hidden(self.net.init_hidden(actual_batch))
        self.net.zero_grad()
        output, hidden = self.net(sentence, hidden)
        loss = self.criterion(output, targets)  # expect: LG001
        loss.backward()
        self.optimizer.step()
        return loss.data[0]

    def train(self):
        print("Starting training")
        self.criterion = nn.CrossEntropyLoss()
        num_batches = int(len(self.train_set) / self.args.batch_size) + 1
        self.select_optimizer()
        for epoch in range(1,self.args.epochs+1):
            t0 = time.clock()
            random.shuffle(self.train_set)
            losses = []
            for i in range(num_batches):
                if(self.args.model_type in ['TD-RNN']):
                    loss = self.train_target_batch(i)
                else:
                    loss = self.train_batch(i)
                if(loss is None):
                    continue
                losses.append(loss)
            t1 = time.clock()
            print("[Epoch {}] Train Loss={} T={}s".format(epoch, np.mean(losses),t1-t0))
            if(epoch >0 and epoch % self.args.eval==0):
                if(self.args.model_type in ['TD-RNN']):
                    self.evaluate_target(self.test_set)
                else:
                    self.evaluate(self.test_set)

if __name__ == '__main__':
    exp = BaseExperiment()
    exp.train()
