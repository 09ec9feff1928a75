"""positive [LG011]: a lab tutorial's sequence-to-sequence model flattens its decoder scores to (batch * time, vocab) and calls `F.softmax` on them without dim to get word probabilities."""

# Source: mila-iqia/welcome_tutorials@2c2f462 pytorch/5. Neural Machine Translation.ipynb, cell 11 (re-typed, renamed, cut to the decoder)
import torch.nn as nn
import torch.nn.functional as F


class Translator(nn.Module):
    def __init__(self, emb_dim, vocab_size, hidden_dim):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb_dim)
        self.decoder = nn.GRU(emb_dim, hidden_dim, batch_first=True)
        self.to_vocab = nn.Linear(hidden_dim, vocab_size)

    def forward(self, trg, h0):
        out, _ = self.decoder(self.embedding(trg), h0)
        flat = self.to_vocab(out.contiguous().view(-1, out.size(2)))
        return flat.view(out.size(0), out.size(1), -1)

    def decode(self, scores):
        flat = scores.view(-1, scores.size(2))
        word_probs = F.softmax(flat)  # expect: LG011
        return word_probs.view(scores.size(0), scores.size(1), scores.size(2))
