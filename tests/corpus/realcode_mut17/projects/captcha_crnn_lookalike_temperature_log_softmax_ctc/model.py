"""part of look-alike project [LG012]: a CAPTCHA CRNN whose two heads are divided by a learned, clamped temperature; both heads end in a log-softmax (the repository's code)."""

# Source: KKaslana413/CAPTCHA-OCR-PyTorch@0eeabce635 model.py (CRNN_Model, re-typed; the SE blocks, SpecAugment and init cut)
import torch
import torch.nn as nn
import torch.nn.functional as F


class CaptchaCRNN(nn.Module):
    def __init__(self, n_chars=37):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.proj = nn.Linear(64 * 16, 128)
        self.rnn = nn.GRU(128, 256, bidirectional=True, batch_first=True)
        self.norm = nn.LayerNorm(512)
        self.classifier = nn.Linear(512, n_chars)
        self.aux_classifier = nn.Linear(512, n_chars)
        self.temperature = nn.Parameter(torch.tensor(1.0))

    def forward(self, x):
        x = self.conv(x).permute(0, 3, 1, 2).contiguous()
        x = self.proj(x.view(x.size(0), x.size(1), -1))
        h, _ = self.rnn(x)
        h = self.norm(h)
        t = torch.clamp(self.temperature, min=0.5, max=5.0)
        main_logits = self.classifier(h) / t
        aux_logits = self.aux_classifier(h) / t
        main_log_probs = F.log_softmax(main_logits, dim=2)
        aux_log_probs = F.log_softmax(aux_logits, dim=2)
        return main_log_probs.permute(1, 0, 2), aux_log_probs.permute(1, 0, 2)
