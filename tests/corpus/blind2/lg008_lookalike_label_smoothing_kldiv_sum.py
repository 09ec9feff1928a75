"""look-alike [LG008, LG009, LG011]: Annotated-Transformer label smoothing: KLDivLoss(reduction='sum') on generator log_softmax vs a smoothed true distribution, normalised by token count."""
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, d_model, vocab):
        super().__init__()
        self.proj = nn.Linear(d_model, vocab)

    def forward(self, x):
        return torch.log_softmax(self.proj(x), dim=-1)


class LabelSmoothing(nn.Module):
    def __init__(self, size, padding_idx, smoothing=0.1):
        super().__init__()
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size

    def forward(self, x, target):
        true_dist = x.detach().clone()
        true_dist.fill_(self.smoothing / (self.size - 2))
        true_dist.scatter_(1, target.unsqueeze(1), self.confidence)
        true_dist[:, self.padding_idx] = 0
        mask = torch.nonzero(target == self.padding_idx)
        if mask.numel() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        return self.criterion(x, true_dist)


def compute_loss(generator, smoother, decoder_out, tgt_y, n_tokens):
    log_probs = generator(decoder_out)
    flat = log_probs.contiguous().view(-1, log_probs.size(-1))
    return smoother(flat, tgt_y.contiguous().view(-1)) / n_tokens
