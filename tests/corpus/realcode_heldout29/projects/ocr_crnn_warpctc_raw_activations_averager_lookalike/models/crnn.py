"""part of look-alike project [LG006, LG012, LG014]: the CRNN text recogniser: a conv stack, then two bidirectional LSTMs whose last Linear embedding gives per-frame class scores (T, b, nclass) with no softmax, the raw activations warp-ctc's CTCLoss expects."""
# Source: xiaofengShi/CHINESE-OCR at 46395d14, train/pytorch-train/models/crnn.py; re-typed, identifiers renamed; the conv stack's seven
# layers written out as in the source (a helper adding modules by index).
import torch.nn as nn
import utils


class BiLSTM(nn.Module):
    def __init__(self, n_in, n_hidden, n_out, ngpu):
        super(BiLSTM, self).__init__()
        self.ngpu = ngpu
        self.rnn = nn.LSTM(n_in, n_hidden, bidirectional=True)
        self.embedding = nn.Linear(n_hidden * 2, n_out)

    def forward(self, input):
        recurrent, _ = utils.data_parallel(self.rnn, input, self.ngpu)
        T, b, h = recurrent.size()
        t_rec = recurrent.view(T * b, h)
        output = utils.data_parallel(self.embedding, t_rec, self.ngpu)
        output = output.view(T, b, -1)
        return output


class CRNN(nn.Module):
    def __init__(self, imgH, nc, nclass, nh, ngpu, leakyRelu=False):
        super(CRNN, self).__init__()
        self.ngpu = ngpu
        assert imgH % 16 == 0, 'imgH has to be a multiple of 16'
        ks = [3, 3, 3, 3, 3, 3, 2]
        ps = [1, 1, 1, 1, 1, 1, 0]
        ss = [1, 1, 1, 1, 1, 1, 1]
        nm = [64, 128, 256, 256, 512, 512, 512]
        cnn = nn.Sequential()

        def conv_relu(i, batch_norm=False):
            n_in = nc if i == 0 else nm[i - 1]
            n_out = nm[i]
            cnn.add_module('conv{0}'.format(i), nn.Conv2d(n_in, n_out, ks[i], ss[i], ps[i]))
            if batch_norm:
                cnn.add_module('batchnorm{0}'.format(i), nn.BatchNorm2d(n_out))
            if leakyRelu:
                cnn.add_module('relu{0}'.format(i), nn.LeakyReLU(0.2, inplace=True))
            else:
                cnn.add_module('relu{0}'.format(i), nn.ReLU(True))

        conv_relu(0)
        cnn.add_module('pooling0', nn.MaxPool2d(2, 2))
        conv_relu(1)
        cnn.add_module('pooling1', nn.MaxPool2d(2, 2))
        conv_relu(2, True)
        conv_relu(3)
        cnn.add_module('pooling2', nn.MaxPool2d((2, 2), (2, 1), (0, 1)))
        conv_relu(4, True)
        conv_relu(5)
        cnn.add_module('pooling3', nn.MaxPool2d((2, 2), (2, 1), (0, 1)))
        conv_relu(6, True)
        self.cnn = cnn
        self.rnn = nn.Sequential(BiLSTM(512, nh, nh, ngpu), BiLSTM(nh, nh, nclass, ngpu))

    def forward(self, input):
        conv = utils.data_parallel(self.cnn, input, self.ngpu)
        b, c, h, w = conv.size()
        assert h == 1, "the height of conv must be 1"
        conv = conv.squeeze(2)
        conv = conv.permute(2, 0, 1)
        output = utils.data_parallel(self.rnn, conv, self.ngpu)
        return output
