"""part of look-alike project [LG002, LG006, LG016]: a CRNN for weakly labelled sound event detection; the frame scores go through torch.sigmoid inside detection(), are interpolated back to the input length and pooled over time by linear-softmax pooling (sum of squares over sum, still in [0, 1]); forward returns a dict with clip_prob and frame_prob."""
# Source: Furudo-E-rika/sjtu_Course_Projects at 0e2831ef (read as is), APracticalCourceToIntelligentPerceptionAndCognition/sound_event_detection/models/baseline.py;
# re-typed, identifiers renamed; the shape-check main block cut.
import torch
import torch.nn as nn
from torch.nn import functional as F


def lin_softmax_pool(x):
    return (x ** 2).sum(1) / x.sum(1)


class Crnn(nn.Module):
    def __init__(self, num_freq, num_class, hidden_size, channel_list, kernel_list):
        super(Crnn, self).__init__()
        self.bn = nn.BatchNorm2d(1)
        self.channel_list = channel_list
        self.kernel_list = kernel_list
        self.backbone = self._build_backbone()
        self.gru = nn.GRU(input_size=channel_list[-1], hidden_size=hidden_size, bidirectional=True,
                          batch_first=True)
        self.fc = nn.Linear(2 * hidden_size, num_class)

    def _build_backbone(self):
        backbone = nn.Sequential()

        def conv_block(c_in, c_out, k):
            return nn.Sequential(nn.Conv2d(c_in, c_out, k), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(k))

        assert len(self.channel_list) == len(self.kernel_list) + 1
        for i in range(len(self.channel_list) - 1):
            backbone.add_module("block{}".format(i + 1),
                                conv_block(self.channel_list[i], self.channel_list[i + 1], (self.kernel_list[i], 2)))
        return backbone

    def detection(self, x):
        _, ts, nf = x.shape
        x = self.bn(x.unsqueeze(1))
        hidden = self.backbone(x)
        hidden = hidden.flatten(start_dim=2)
        hidden = hidden.permute((0, 2, 1))
        hidden = self.gru(hidden)[0]
        out = torch.sigmoid(self.fc(hidden))
        out = F.interpolate(out.permute((0, 2, 1)), ts).permute((0, 2, 1))
        return out

    def forward(self, x):
        frame_prob = self.detection(x)
        clip_prob = lin_softmax_pool(frame_prob)
        return {"clip_prob": clip_prob, "frame_prob": frame_prob}
