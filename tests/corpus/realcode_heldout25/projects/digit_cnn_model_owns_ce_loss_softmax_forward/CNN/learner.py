"""part of positive project [LG001]: the Learner is handed the model object, slices the stored tensors into batches and, for each, calls the model's own criterion attribute on the model's forward output (softmax probabilities) and the long targets, then steps the model's own optimizer."""
# Source: imhgchoi/pytorch-implementations at e6add999 (read as is), CNN/learner.py; re-typed, identifiers renamed;
# the intermediate-accuracy printout shortened.
import numpy as np
import torch as T
from torch.autograd import Variable


class Learner(object):
    def __init__(self, net, input, target, batch_size=1000, epochs=1000):
        self.net = net
        self.input = Variable(input)
        self.target = Variable(target).long()
        self.epochs = epochs
        self.batch_size = batch_size
        self.batch_x = self.input[:self.batch_size, :]
        self.batch_y = self.target[:self.batch_size]
        self.batch_idx = 0
        self.n_batches = input.shape[0] // self.batch_size + (input.shape[0] % self.batch_size == 0)

    def reset(self):
        self.batch_idx = 0
        self.batch_x = self.input[:self.batch_size, :]
        self.batch_y = self.target[:self.batch_size]

    def next_batch(self):
        self.batch_idx += 1
        lo, hi = self.batch_size * self.batch_idx, self.batch_size * (self.batch_idx + 1)
        self.batch_x = self.input[lo:hi, :]
        self.batch_y = self.target[lo:hi]
        if self.batch_idx == self.n_batches - 1:
            self.reset()

    def evaluate(self, sample_size=4000):
        start = np.random.randint(0, self.input.shape[0] - sample_size - 1, 1)[0]
        probs = self.net.forward(self.input[start:start + sample_size])
        pred = T.argmax(probs, dim=1)
        hits = T.sum(pred == self.target[start:start + sample_size])
        print('accuracy:', np.round(hits.item() / sample_size * 100.0, 3), '%')

    def learn(self):
        for e in range(self.epochs):
            for b in range(self.n_batches - 1):
                self.net.optimizer.zero_grad()
                predictions = self.net.forward(self.batch_x)
                loss = self.net.loss(predictions, self.batch_y)  # expect: LG001
                print('epoch', e + 1, 'batch', b + 1, 'loss', loss.item())
                loss.backward()
                self.next_batch()
                self.net.optimizer.step()
            self.evaluate(sample_size=10000)
