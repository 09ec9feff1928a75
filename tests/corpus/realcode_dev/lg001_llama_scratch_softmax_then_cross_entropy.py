"""positive [LG001]: notebook model applies F.softmax to the vocabulary scores and feeds them, reshaped with .view, to F.cross_entropy inside forward."""
# Source: issue https://github.com/bkitano/llama-from-scratch/issues/5 (code posted in the thread,
# from the repository's notebook); re-typed with names changed, structure kept.
import torch.nn as nn
import torch.nn.functional as F

CONFIG = {"vocab_size": 65, "d_model": 128, "context_window": 16, "batch_size": 32}


class BrokenLM(nn.Module):
    def __init__(self, config=CONFIG):
        super().__init__()
        self.config = config
        self.embedding = nn.Embedding(config["vocab_size"], config["d_model"])
        self.linear = nn.Sequential(
            nn.Linear(config["d_model"], config["d_model"]),
            nn.ReLU(),
            nn.Linear(config["d_model"], config["vocab_size"]),
        )

    def forward(self, idx, targets=None):
        x = self.embedding(idx)
        a = self.linear(x)
        logits = F.softmax(a, dim=-1)

        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, self.config["vocab_size"]), targets.view(-1))  # expect: LG001
            return logits, loss
        else:
            return logits
