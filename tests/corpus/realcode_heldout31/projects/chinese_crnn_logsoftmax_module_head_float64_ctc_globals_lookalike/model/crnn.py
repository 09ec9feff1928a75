"""part of look-alike project [LG006, LG012, LG014]: the CRNN built with add_module ends its forward in an nn.LogSoftmax(dim=2) module over the (W, N, C) scores."""
# Source: lvliguoren/crnn-pytorch at dfb4613fafe718bba9a831f64540f4d5765a026b model/crnn.py (re-typed; the name-mangled __map2seq helper kept)
import torch
import torch.nn as nn


class BiLSTMHead(nn.Module):
    def __init__(self, nIn, nHidden, nOut):
        super(BiLSTMHead, self).__init__()
        self.lstm = nn.LSTM(nIn, nHidden, bidirectional=True)
        self.fc = nn.Linear(nHidden * 2, nOut)

    def forward(self, x):
        out, _ = self.lstm(x)
        W, N, C = out.size()
        out = out.view(W * N, C)
        out = self.fc(out)
        out = out.view(W, N, -1)
        return out


class LineReader(nn.Module):
    def __init__(self, num_class):
        super(LineReader, self).__init__()

        self.cnn = nn.Sequential()
        self.cnn.add_module('conv0', nn.Conv2d(1, 64, kernel_size=3, stride=1, padding=1))
        self.cnn.add_module('relu0', nn.ReLU(True))
        self.cnn.add_module('pooling0', nn.MaxPool2d(kernel_size=2, stride=2))
        self.cnn.add_module('conv1', nn.Conv2d(64, 128, kernel_size=3, stride=1, padding=1))
        self.cnn.add_module('relu1', nn.ReLU(True))
        self.cnn.add_module('pooling1', nn.MaxPool2d(kernel_size=2, stride=2))
        self.cnn.add_module('conv3', nn.Conv2d(128, 256, kernel_size=3, stride=1, padding=1))
        self.cnn.add_module('relu3', nn.ReLU(True))
        self.cnn.add_module('pooling2', nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 1)))
        self.cnn.add_module('conv5', nn.Conv2d(256, 512, kernel_size=3, stride=1, padding=1))
        self.cnn.add_module('relu5', nn.ReLU(True))
        self.cnn.add_module('batchnorm0', nn.BatchNorm2d(512))
        self.cnn.add_module('pooling3', nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 1)))
        self.cnn.add_module('conv7', nn.Conv2d(512, 512, kernel_size=2, stride=1, padding=0))
        self.cnn.add_module('relu7', nn.ReLU(True))

        self.rnn = nn.Sequential()
        self.rnn.add_module("lstm0", BiLSTMHead(512, 256, 256))
        self.rnn.add_module("lstm1", BiLSTMHead(256, 256, num_class + 1))
        self.softmax = nn.LogSoftmax(dim=2)

    def forward(self, x):
        out = self.cnn(x)
        out = self.__map2seq(out)
        out = self.rnn(out)

        out = self.softmax(out)

        return out

    def __map2seq(self, conv_out):
        N, C, H, W = conv_out.size()
        assert H == 1
        rnn_in = conv_out.squeeze(2)
        rnn_in = rnn_in.permute(2, 0, 1)
        return rnn_in
