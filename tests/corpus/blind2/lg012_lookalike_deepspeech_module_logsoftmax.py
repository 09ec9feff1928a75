"""look-alike [LG012, LG006]: DeepSpeech2-style model whose forward ends in nn.LogSoftmax(dim=-1); the training loop transposes to (T, N, C) for nn.CTCLoss and logs loss.item()."""
import torch
import torch.nn as nn


class DeepSpeech2(nn.Module):
    def __init__(self, n_feats=161, n_class=29, rnn_dim=512):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, (41, 11), stride=(2, 2), padding=(20, 5)), nn.BatchNorm2d(32), nn.Hardtanh(0, 20),
            nn.Conv2d(32, 32, (21, 11), stride=(2, 1), padding=(10, 5)), nn.BatchNorm2d(32), nn.Hardtanh(0, 20),
        )
        self.rnn = nn.GRU(32 * ((n_feats + 1) // 4 + 1), rnn_dim, num_layers=3, bidirectional=True, batch_first=True)
        self.fc = nn.Linear(2 * rnn_dim, n_class)
        self.log_softmax = nn.LogSoftmax(dim=-1)

    def forward(self, spec):
        x = self.conv(spec.unsqueeze(1))
        b, c, f, t = x.shape
        x = x.view(b, c * f, t).transpose(1, 2)
        x, _ = self.rnn(x)
        return self.log_softmax(self.fc(x))


def train(model, loader, optimizer, device="cuda"):
    criterion = nn.CTCLoss(blank=28, zero_infinity=True)
    history = []
    for spec, labels, in_lens, lab_lens in loader:
        spec = spec.to(device)
        out = model(spec)
        out = out.transpose(0, 1)
        loss = criterion(out, labels, in_lens, lab_lens)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        history.append(loss.item())
    return history
