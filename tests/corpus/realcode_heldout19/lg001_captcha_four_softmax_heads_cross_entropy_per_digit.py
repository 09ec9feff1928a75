"""positive [LG001]: a personal learning repository's captcha reader returns four per-digit heads, each ending in a stored Softmax(dim=1), as a tuple; train_model unpacks the tuple and scores each head with its own CrossEntropyLoss, so every digit's probabilities are log-softmaxed again (the uint8 digit labels are cast to long first)."""
# Source: percent4/PyTorch_Learning at ecb993c9 (read as is), captcha_recognize/torch_model_train.py; re-typed,
# identifiers renamed; the weight-initialisation calls, the per-head evaluation bookkeeping (three of four heads) and
# the ONNX export cut. variable_length_captcha_recognize/torch_model_train.py has the same heads and loop.
import os

import cv2
import numpy as np
import torch
from numpy import argmax, vstack
from sklearn.metrics import accuracy_score
from torch.nn import Conv2d, CrossEntropyLoss, Linear, MaxPool2d, Module, ReLU, Softmax
from torch.optim import Adam
from torch.utils.data import DataLoader, Dataset, random_split

DIGITS = '0123456789'
W, H, N_CHARS, N_CLASSES = 50, 22, 4, 10


class CaptchaSet(Dataset):
    def __init__(self):
        folder = "./train_images"
        n = len(os.listdir(folder))
        self.X = np.zeros((n, 3, H, W), dtype=np.float32)
        self.d1 = np.zeros(n, dtype=np.uint8)
        self.d2 = np.zeros(n, dtype=np.uint8)
        self.d3 = np.zeros(n, dtype=np.uint8)
        self.d4 = np.zeros(n, dtype=np.uint8)
        for i, name in enumerate(os.listdir(folder)):
            pix = cv2.imread(os.path.join(folder, name), 1) / 255
            self.X[i] = torch.from_numpy(pix).permute(2, 0, 1).numpy()
            code = name[:4]
            self.d1[i] = int(code[0])
            self.d2[i] = int(code[1])
            self.d3[i] = int(code[2])
            self.d4[i] = int(code[3])

    def __len__(self):
        return len(self.X)

    def __getitem__(self, i):
        return [self.X[i], self.d1[i], self.d2[i], self.d3[i], self.d4[i]]

    def splits(self, n_test=0.2):
        n_te = round(n_test * len(self.X))
        return random_split(self, [len(self.X) - n_te, n_te])


class CaptchaNet(Module):
    def __init__(self):
        super(CaptchaNet, self).__init__()
        self.c1 = Conv2d(3, 32, (3, 3), padding=(1, 1))
        self.a1 = ReLU()
        self.c2 = Conv2d(32, 32, (3, 3), padding=(1, 1))
        self.a2 = ReLU()
        self.p1 = MaxPool2d((2, 2), stride=(2, 2))
        self.c3 = Conv2d(32, 64, (3, 3), padding=(1, 1))
        self.a3 = ReLU()
        self.c4 = Conv2d(64, 64, (3, 3), padding=(1, 1))
        self.a4 = ReLU()
        self.p2 = MaxPool2d((2, 2), stride=(2, 2))
        self.c5 = Conv2d(64, 128, (3, 3), padding=(1, 1))
        self.a5 = ReLU()
        self.c6 = Conv2d(128, 128, (3, 3), padding=(1, 1))
        self.a6 = ReLU()
        self.p3 = MaxPool2d((2, 2), stride=(2, 2))
        self.c7 = Conv2d(128, 256, (3, 3), padding=(1, 1))
        self.a7 = ReLU()
        self.c8 = Conv2d(256, 256, (3, 3), padding=(1, 1))
        self.a8 = ReLU()
        self.p4 = MaxPool2d((2, 2), stride=(2, 2))
        self.f1 = Linear(256 * 1 * 3, 100)
        self.f2 = Linear(256 * 1 * 3, 100)
        self.f3 = Linear(256 * 1 * 3, 100)
        self.f4 = Linear(256 * 1 * 3, 100)
        self.o1 = Linear(100, 10)
        self.o2 = Linear(100, 10)
        self.o3 = Linear(100, 10)
        self.o4 = Linear(100, 10)
        self.s1 = Softmax(dim=1)
        self.s2 = Softmax(dim=1)
        self.s3 = Softmax(dim=1)
        self.s4 = Softmax(dim=1)

    def forward(self, X):
        X = self.a1(self.c1(X))
        X = self.a2(self.c2(X))
        X = self.p1(X)
        X = self.a3(self.c3(X))
        X = self.a4(self.c4(X))
        X = self.p2(X)
        X = self.a5(self.c5(X))
        X = self.a6(self.c6(X))
        X = self.p3(X)
        X = self.a7(self.c7(X))
        X = self.a8(self.c8(X))
        X = self.p4(X)
        X = X.view(-1, 256 * 1 * 3)
        y1 = self.f1(X)
        y1 = self.o1(y1)
        y1 = self.s1(y1)
        y2 = self.f2(X)
        y2 = self.o2(y2)
        y2 = self.s2(y2)
        y3 = self.f3(X)
        y3 = self.o3(y3)
        y3 = self.s3(y3)
        y4 = self.f4(X)
        y4 = self.o4(y4)
        y4 = self.s4(y4)
        return y1, y2, y3, y4


def make_loaders():
    data = CaptchaSet()
    tr, te = data.splits()
    return DataLoader(tr, batch_size=16, shuffle=True), DataLoader(te, batch_size=1024, shuffle=False)


def train_model(train_dl, net):
    ce1 = CrossEntropyLoss()
    ce2 = CrossEntropyLoss()
    ce3 = CrossEntropyLoss()
    ce4 = CrossEntropyLoss()
    opt = Adam(net.parameters(), lr=0.0001)
    for epoch in range(100):
        for i, (x, t1, t2, t3, t4) in enumerate(train_dl):
            t1 = t1.long()
            t2 = t2.long()
            t3 = t3.long()
            t4 = t4.long()
            opt.zero_grad()
            p1, p2, p3, p4 = net(x)
            l1 = ce1(p1, t1)  # expect: LG001
            l2 = ce2(p2, t2)  # expect: LG001
            l3 = ce3(p3, t3)  # expect: LG001
            l4 = ce4(p4, t4)  # expect: LG001
            total = l1 + l2 + l3 + l4
            total.backward()
            print("epoch: {}, batch: {}, total loss: {}, loss1: {}, loss2: {}, loss3: {}, loss4: {}"
                  .format(epoch, i, total.data, l1.data, l2.data, l3.data, l4.data))
            opt.step()


def evaluate_model(test_dl, net):
    guesses, truths = [], []
    for i, (x, t1, t2, t3, t4) in enumerate(test_dl):
        p1, p2, p3, p4 = net(x)
        p1 = p1.detach().numpy()
        truth = t1.numpy().reshape((len(t1), 1))
        guess = argmax(p1, axis=1).reshape((len(p1), 1))
        guesses.append(guess)
        truths.append(truth)
    return accuracy_score(vstack(truths), vstack(guesses))


if __name__ == '__main__':
    train_dl, test_dl = make_loaders()
    net = CaptchaNet()
    train_model(train_dl, net)
    torch.save(net.state_dict(), 'captcha_recognize.pth')
    print('Accuracy 1: %.4f' % evaluate_model(test_dl, net))
