"""look-alike [LG012]: log_softmax(dim=2) applied, then transpose(0, 1) to (T, N, C): still log-probabilities for CTCLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ASR(nn.Module):
    def __init__(self, n_mels=80, hidden=320, vocab=32):
        super().__init__()
        self.lstm = nn.LSTM(n_mels, hidden, num_layers=4, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, vocab)

    def forward(self, x):
        h, _ = self.lstm(x)
        return self.out(h)


model = ASR()
ctc = nn.CTCLoss(blank=0, reduction="mean", zero_infinity=True)
opt = torch.optim.Adam(model.parameters(), lr=3e-4)


def train(loader):
    for x, y, x_lens, y_lens in loader:
        opt.zero_grad()
        log_probs = F.log_softmax(model(x), dim=2).transpose(0, 1)
        loss = ctc(log_probs, y, x_lens, y_lens)
        loss.backward()
        opt.step()
