"""look-alike [LG012, LG011]: wav2vec2-style CTC head: log_softmax(dim=-1, dtype=float32) then transpose(0, 1) into F.ctc_loss; a greedy decoder uses argmax on the logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CTCHead(nn.Module):
    def __init__(self, hidden_size, vocab_size, pad_token_id=0):
        super().__init__()
        self.dropout = nn.Dropout(0.1)
        self.lm_head = nn.Linear(hidden_size, vocab_size)
        self.pad_token_id = pad_token_id

    def forward(self, hidden_states, input_lengths=None, labels=None):
        logits = self.lm_head(self.dropout(hidden_states))
        loss = None
        if labels is not None:
            labels_mask = labels >= 0
            target_lengths = labels_mask.sum(-1)
            flattened_targets = labels.masked_select(labels_mask)
            log_probs = F.log_softmax(logits, dim=-1, dtype=torch.float32).transpose(0, 1)
            with torch.backends.cudnn.flags(enabled=False):
                loss = F.ctc_loss(
                    log_probs,
                    flattened_targets,
                    input_lengths,
                    target_lengths,
                    blank=self.pad_token_id,
                    reduction="mean",
                    zero_infinity=True,
                )
        return loss, logits


def greedy_decode(logits, blank=0):
    best = logits.argmax(dim=-1)
    out = []
    for seq in best.tolist():
        prev, chars = None, []
        for tok in seq:
            if tok != prev and tok != blank:
                chars.append(tok)
            prev = tok
        out.append(chars)
    return out
