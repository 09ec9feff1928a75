"""look-alike [LG012, LG015]: DeepSpeech's LightningModule ends in a module that applies softmax only when not training; training_step takes out.log_softmax(-1) and feeds CTCLoss(reduction='sum')."""
# Source: https://github.com/SeanNaren/deepspeech.pytorch deepspeech_pytorch/model.py at
# b88a631ef6b96553e16bbaa5bd6a621435bed278; re-typed, names changed, reduced. Correct code.
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import CTCLoss


class SequenceWise(nn.Module):
    def __init__(self, module):
        super(SequenceWise, self).__init__()
        self.module = module

    def forward(self, x):
        t, n = x.size(0), x.size(1)
        x = x.view(t * n, -1)
        x = self.module(x)
        return x.view(t, n, -1)


class InferenceBatchSoftmax(nn.Module):
    def forward(self, input_):
        if not self.training:
            return F.softmax(input_, dim=-1)
        else:
            return input_


class DeepSpeech(pl.LightningModule):
    def __init__(self, labels, hidden_size=1024, hidden_layers=5):
        super().__init__()
        self.labels = labels
        num_classes = len(self.labels)
        self.conv = nn.Sequential(nn.Conv2d(1, 32, kernel_size=(41, 11), stride=(2, 2), padding=(20, 5)), nn.BatchNorm2d(32), nn.Hardtanh(0, 20, inplace=True))
        self.rnns = nn.ModuleList([nn.LSTM(32 * 41 if i == 0 else hidden_size, hidden_size, bidirectional=False) for i in range(hidden_layers)])
        fully_connected = nn.Sequential(nn.BatchNorm1d(hidden_size), nn.Linear(hidden_size, num_classes, bias=False))
        self.fc = nn.Sequential(SequenceWise(fully_connected))
        self.inference_softmax = InferenceBatchSoftmax()
        self.criterion = CTCLoss(blank=self.labels.index("_"), reduction="sum", zero_infinity=True)

    def forward(self, x, lengths):
        output_lengths = lengths.cpu().int()
        x = self.conv(x)
        sizes = x.size()
        x = x.view(sizes[0], sizes[1] * sizes[2], sizes[3])
        x = x.transpose(1, 2).transpose(0, 1).contiguous()
        for rnn in self.rnns:
            x, _ = rnn(x)
        x = self.fc(x)
        x = x.transpose(0, 1)
        x = self.inference_softmax(x)
        return x, output_lengths

    def training_step(self, batch, batch_idx):
        inputs, targets, input_percentages, target_sizes = batch
        input_sizes = input_percentages.mul_(int(inputs.size(3))).int()
        out, output_sizes = self(inputs, input_sizes)
        out = out.transpose(0, 1)
        out = out.log_softmax(-1)
        loss = self.criterion(out, targets, output_sizes, target_sizes)
        return loss

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=1.5e-4)
