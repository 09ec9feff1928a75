"""look-alike [LG012]: a CRNN text recogniser ends its forward in a log_softmax over the classes (time-major), and the training loop gives it to a CTC loss wrapper class built from a frozen config dataclass around nn.CTCLoss."""

# Source: mdeepak08/crnn-ctc-ocr-pytorch@69004e5463 src/models/crnn.py (CRNN), src/losses/ctc.py (CTCLoss,
# CTCLossConfig), train.py (main); re-typed, identifiers renamed; the spatial transformer, the config file, the
# data loaders, AMP, validation, the decoders and the checkpoints cut
# Mutation: none (the repository's log_softmax)
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass(frozen=True)
class CtcSettings:
    blank: int = 0
    zero_infinity: bool = True


class CtcCriterion(nn.Module):
    def __init__(self, settings: CtcSettings):
        super().__init__()
        self.settings = settings
        self.ctc = nn.CTCLoss(blank=settings.blank, zero_infinity=settings.zero_infinity)

    def forward(self, log_probs, targets, input_lengths, target_lengths):
        return self.ctc(log_probs, targets, input_lengths, target_lengths)


class TextRecognizer(nn.Module):
    def __init__(self, channels, classes, hidden=256):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(channels, 64, 3, 1, 1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 256, 3, 1, 1),
            nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d((1, None)),
        )
        self.rnn = nn.LSTM(256, hidden, num_layers=2, bidirectional=True)
        self.proj = nn.Linear(hidden * 2, classes)

    def forward(self, images):
        feats = self.cnn(images).squeeze(2).permute(2, 0, 1).contiguous()
        seq, _ = self.rnn(feats)
        logits = self.proj(seq)
        return F.log_softmax(logits, dim=-1)


def main(loader, classes, epochs, device):
    model = TextRecognizer(1, classes).to(device)
    criterion = CtcCriterion(CtcSettings(blank=0, zero_infinity=True))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    for epoch in range(epochs):
        model.train()
        running = 0.0
        for batch in loader:
            images = batch["images"].to(device)
            targets = batch["targets"].to(device)
            target_lengths = batch["target_lengths"].to(device)
            input_lengths = batch["input_lengths"].to(device)
            optimizer.zero_grad(set_to_none=True)
            log_probs = model(images)
            input_lengths = torch.clamp(input_lengths, max=log_probs.size(0))
            loss = criterion(log_probs, targets, input_lengths, target_lengths)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            running += float(loss.item())
        print(epoch, running / max(1, len(loader)))
