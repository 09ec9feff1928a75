"""part of look-alike project [LG006, LG012, LG014]: a conv + bidirectional GRU captcha reader returns Linear activations per time step; CTCtrain transposes them to (T, N, C) and hands them to the criterion it is given (warp-ctc's CTCLoss, which applies its own softmax), zeroing the gradients each call and returning loss.data[0]."""
# Source: airaria/CaptchaRecognition at 48df533d (read as is), ctcmodel.py;
# re-typed, identifiers renamed; the unused ResBlock cut and the three conv stages written as in the source.
# utils.decode_ctc_outputs is not included.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim
from torch.autograd import Variable

from utils import decode_ctc_outputs


class CTCModel(nn.Module):
    def __init__(self, output_size, rnn_hidden_size=128, num_rnn_layers=1, dropout=0):
        super(CTCModel, self).__init__()
        self.num_rnn_layers = num_rnn_layers
        self.rnn_hidden_size = rnn_hidden_size
        self.output_size = output_size
        self.stage1 = nn.Sequential(
            nn.Conv2d(3, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),
            nn.ReLU(),
            nn.Conv2d(32, 32, kernel_size=(3, 4), stride=(3, 2)),
            nn.BatchNorm2d(32),
            nn.ReLU(),
        )
        self.stage2 = nn.Sequential(
            nn.Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),
            nn.ReLU(),
            nn.Conv2d(32, 32, kernel_size=(4, 3), stride=(4, 2)),
            nn.BatchNorm2d(32),
            nn.ReLU(),
        )
        self.stage3 = nn.Sequential(
            nn.Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),
            nn.ReLU(),
            nn.Conv2d(32, 32, kernel_size=(4, 2), stride=(1, 1)),
            nn.BatchNorm2d(32),
            nn.ReLU(),
        )
        self.gru = nn.GRU(32, rnn_hidden_size, num_rnn_layers, batch_first=True, dropout=dropout, bidirectional=True)
        self.proj = nn.Linear(rnn_hidden_size * 2, output_size)

    def forward(self, x, hidden):
        h0 = hidden
        out = self.stage1(x)
        out = self.stage2(out)
        out = self.stage3(out).squeeze()
        out = out.transpose(1, 2)
        out, hidden = self.gru(out, h0)
        out = self.proj(out)
        return out

    def initHidden(self, batch_size, use_cuda=False):
        h0 = Variable(torch.zeros(self.num_rnn_layers * 2, batch_size, self.rnn_hidden_size))
        if use_cuda:
            return h0.cuda()
        return h0


def CTCtrain(inputs, targets, lens, net, optimizer, criterion, clip, use_cuda=False):
    if use_cuda:
        inputs = inputs.cuda()
    loss = 0
    optimizer.zero_grad()
    bsz = inputs.size()[0]
    h0 = net.initHidden(bsz, use_cuda=use_cuda)
    acts = net(inputs, h0)

    acts_tnc = acts.transpose(0, 1)  # SeqLen * BatchSize * Hidden
    label_lens = lens
    act_lens = Variable(torch.IntTensor(bsz * [acts.size()[1]]), requires_grad=False)

    loss = criterion(acts_tnc, targets, act_lens, label_lens)

    loss.backward()
    torch.nn.utils.clip_grad_norm(net.parameters(), clip)
    optimizer.step()

    decoded = decode_ctc_outputs(acts)
    gold = np.split(targets.data.numpy(), lens.data.numpy().cumsum())[:-1]
    acc = np.array([np.array_equal(gold[i], decoded[i]) for i in range(bsz)]).mean()
    return loss.data[0], acc


def CTCevaluate(inputs, targets, lens, net, criterion, clip, use_cuda=False):
    if use_cuda:
        inputs = inputs.cuda()
    net.train(False)
    loss = 0
    bsz = inputs.size()[0]
    h0 = net.initHidden(bsz, use_cuda=use_cuda)
    acts = net(inputs, h0)

    acts_tnc = acts.transpose(0, 1)
    label_lens = lens
    act_lens = Variable(torch.IntTensor(bsz * [acts.size()[1]]), requires_grad=False)

    loss = criterion(acts_tnc, targets, act_lens, label_lens)

    decoded = decode_ctc_outputs(acts)
    gold = np.split(targets.data.numpy(), lens.data.numpy().cumsum())[:-1]
    acc = np.array([np.array_equal(gold[i], decoded[i]) for i in range(bsz)]).mean()
    net.train(True)
    return loss.data[0], acc, decoded
