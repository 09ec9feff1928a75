"""positive [LG012]: a CRNN OCR model's Linear output is permuted to (T, N, C) and passed to F.ctc_loss without log_softmax."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CRNN(nn.Module):
    def __init__(self, n_chars, img_h=32, nh=256):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(1, 64, 3, 1, 1), nn.ReLU(True), nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, 1, 1), nn.ReLU(True), nn.MaxPool2d(2, 2),
            nn.Conv2d(128, 256, 3, 1, 1), nn.BatchNorm2d(256), nn.ReLU(True),
            nn.MaxPool2d((2, 1), (2, 1)),
            nn.Conv2d(256, 512, 3, 1, 1), nn.BatchNorm2d(512), nn.ReLU(True),
            nn.MaxPool2d((4, 1), (4, 1)),
        )
        self.rnn = nn.LSTM(512, nh, num_layers=2, bidirectional=True, batch_first=True)
        self.classifier = nn.Linear(2 * nh, n_chars + 1)

    def forward(self, images):
        conv = self.cnn(images).squeeze(2).permute(0, 2, 1)
        recurrent, _ = self.rnn(conv)
        return self.classifier(recurrent)


def train_batch(crnn, images, flat_targets, target_lengths, optimizer):
    out = crnn(images)
    T, N = out.size(1), out.size(0)
    input_lengths = torch.full((N,), T, dtype=torch.long)
    loss = F.ctc_loss(out.permute(1, 0, 2), flat_targets, input_lengths, target_lengths, blank=0, zero_infinity=True)  # expect: LG012
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(crnn.parameters(), 5.0)
    optimizer.step()
    return loss.item()
