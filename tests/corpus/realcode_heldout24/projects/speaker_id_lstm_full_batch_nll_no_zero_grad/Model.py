"""part of positive project [LG014]: a speaker-identification model: a three-layer LSTM over MFCC frames, the last step's output through a Linear layer and F.log_softmax(dim=1)."""
# Source: RobZelluf/Speaker-Verification at 01378730 (read as is; the repository is over the snapshot size limit, so the files were read through the file index at that commit), Model.py;
# re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class SpeakerNet(nn.Module):
    def __init__(self, input_dim, num_speakers):
        super(SpeakerNet, self).__init__()
        self.input_dim = input_dim
        self.num_speakers = num_speakers
        self.lstm1 = nn.LSTM(input_dim, 256, 3, batch_first=True)
        self.linear1 = nn.Linear(256, num_speakers)

    def forward(self, x):
        lstm_out, hidden = self.lstm1(x)
        logits = self.linear1(lstm_out[-1])
        speaker_scores = F.log_softmax(logits, dim=1)
        return speaker_scores
