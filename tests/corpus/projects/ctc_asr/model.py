"""part of positive project [LG012]: acoustic model that returns (T, N, C) Linear logits (no log_softmax)."""
import torch.nn as nn


class AcousticModel(nn.Module):
    def __init__(self, n_mels=80, hidden=256, vocab=30):
        super().__init__()
        self.conv = nn.Conv1d(n_mels, hidden, 3, padding=1)
        self.rnn = nn.LSTM(hidden, hidden, num_layers=2, bidirectional=True)
        self.fc = nn.Linear(2 * hidden, vocab)

    def forward(self, mels):
        x = self.conv(mels).permute(2, 0, 1)
        x, _ = self.rnn(x)
        return self.fc(x)
