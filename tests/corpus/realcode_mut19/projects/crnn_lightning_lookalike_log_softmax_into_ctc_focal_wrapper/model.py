"""part of look-alike project [LG012]: the CRNN: a convolutional backbone, a bidirectional LSTM and a linear head, time first."""

# Source: tuongtranngoc/CRNN-Text-Recognition@cc1600250f src/models/crnn.py (CRNN, re-typed; backbone and neck cut to one block each)
import torch.nn as nn


class CRNN(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 64, 3, 1, 1), nn.ReLU(), nn.AdaptiveAvgPool2d((1, None)))
        self.rnn = nn.LSTM(64, 128, bidirectional=True)
        self.head = nn.Linear(256, num_classes)

    def forward(self, x):
        feats = self.backbone(x).squeeze(2).permute(2, 0, 1)
        seq, _ = self.rnn(feats)
        return self.head(seq)
