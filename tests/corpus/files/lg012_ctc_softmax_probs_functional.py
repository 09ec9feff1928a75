"""positive [LG012]: F.ctc_loss on .softmax(dim=2) probabilities (should be log_softmax) in an OCR (CRNN) training step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CRNN(nn.Module):
    def __init__(self, n_classes=37):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(1, 64, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, 1, 1), nn.ReLU(), nn.MaxPool2d((2, 1)),
        )
        self.rnn = nn.LSTM(128 * 8, 256, bidirectional=True)
        self.fc = nn.Linear(512, n_classes)

    def forward(self, x):
        f = self.cnn(x)
        b, c, h, w = f.size()
        f = f.view(b, c * h, w).permute(2, 0, 1)
        out, _ = self.rnn(f)
        return self.fc(out)


def train_step(model, images, labels, label_lengths, optimizer):
    optimizer.zero_grad()
    probs = model(images).softmax(dim=2)
    T, N, _ = probs.shape
    input_lengths = torch.full((N,), T, dtype=torch.long)
    loss = F.ctc_loss(probs, labels, input_lengths, label_lengths, blank=0)  # expect: LG012
    loss.backward()
    optimizer.step()
    return loss.item()
