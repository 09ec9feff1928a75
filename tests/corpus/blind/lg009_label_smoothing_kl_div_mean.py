"""positive [LG009]: transformer NMT label-smoothing loss calls F.kl_div(..., reduction='mean') on correct log-prob input / smoothed target."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LabelSmoothingLoss(nn.Module):
    def __init__(self, vocab_size, padding_idx=0, smoothing=0.1):
        super().__init__()
        self.vocab_size = vocab_size
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing

    def forward(self, logits, target):
        logits = logits.reshape(-1, self.vocab_size)
        target = target.reshape(-1)
        log_probs = F.log_softmax(logits, dim=-1)
        with torch.no_grad():
            true_dist = torch.full_like(log_probs, self.smoothing / (self.vocab_size - 2))
            true_dist.scatter_(1, target.unsqueeze(1), self.confidence)
            true_dist[:, self.padding_idx] = 0
            true_dist[target == self.padding_idx] = 0
        return F.kl_div(log_probs, true_dist,  # expect: LG009
                        reduction="mean")


def train(model, batches, vocab_size, epochs=20):
    criterion = LabelSmoothingLoss(vocab_size)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.98), eps=1e-9)
    for epoch in range(epochs):
        for src, tgt in batches:
            opt.zero_grad()
            out = model(src, tgt[:, :-1])
            loss = criterion(out, tgt[:, 1:])
            loss.backward()
            opt.step()
        print(epoch, loss.item())
