"""part of positive project [LG012]: the CRNN's forward ends in a Linear layer reshaped to (length, batch, classes); no log_softmax."""
# Source: Dreaming-future/CRNN-pytorch at b32b98e3ea48961cb1b959a576982eeaf8b54f78 crnn.py (re-typed; the CNN layer tables and the weight init kept in shape)
import torch
import torch.nn as nn
import numpy as np


class WordReader(nn.Module):

    def __init__(self, in_channels, out_channels):
        super(WordReader, self).__init__()
        self.in_channels = in_channels
        hidden_size = 256
        self.cnn_struct = ((64, ), (128, ), (256, 256), (512, 512), (512, ))
        self.cnn_paras = ((3, 1, 1), (3, 1, 1), (3, 1, 1), (3, 1, 1), (2, 1, 0))
        self.pool_struct = ((2, 2), (2, 2), (2, 1), (2, 1), None)
        self.batchnorm = (False, False, False, True, False)
        self.cnn = self._get_cnn_layers()

        self.rnn1 = nn.LSTM(self.cnn_struct[-1][-1], hidden_size, bidirectional=True)
        self.rnn2 = nn.LSTM(hidden_size * 2, hidden_size, bidirectional=True)

        self.fc = nn.Linear(hidden_size * 2, out_channels)
        self._initialize_weights()

    def forward(self, x):
        x = self.cnn(x)
        x = x.squeeze(2)
        x = x.permute(2, 0, 1)
        x = self.rnn1(x)[0]
        x = self.rnn2(x)[0]
        l, b, h = x.size()
        x = x.view(l * b, h)
        x = self.fc(x)
        x = x.view(l, b, -1)
        return x

    def _get_cnn_layers(self):
        cnn_layers = []
        in_channels = self.in_channels
        for i in range(len(self.cnn_struct)):
            for out_channels in self.cnn_struct[i]:
                cnn_layers.append(nn.Conv2d(in_channels, out_channels, *(self.cnn_paras[i])))
                if self.batchnorm[i]:
                    cnn_layers.append(nn.BatchNorm2d(out_channels))
                cnn_layers.append(nn.ReLU(inplace=True))
                in_channels = out_channels
            if self.pool_struct[i]:
                cnn_layers.append(nn.MaxPool2d(self.pool_struct[i]))
        return nn.Sequential(*cnn_layers)

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, np.sqrt(2. / n))
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
