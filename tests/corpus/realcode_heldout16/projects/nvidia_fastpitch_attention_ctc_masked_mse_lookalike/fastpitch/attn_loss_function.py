"""part of look-alike project [LG012, LG015, LG005, LG006]: the aligner's CTC loss permutes the attention scores to (T, N, C), pads a blank column, masks keys past each length and applies nn.LogSoftmax(dim=-1) before nn.CTCLoss."""
# Source: NVIDIA/DeepLearningExamples at 729963dd (read as is), PyTorch/SpeechSynthesis/FastPitch/fastpitch/attn_loss_function.py;
# re-typed, identifiers renamed; licence header cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class AlignmentCTCLoss(torch.nn.Module):
    def __init__(self, blank_logprob=-1):
        super().__init__()
        self.log_softmax = torch.nn.LogSoftmax(dim=-1)
        self.blank_logprob = blank_logprob
        self.ctc = nn.CTCLoss(zero_infinity=True)

    def forward(self, attn_scores, in_lens, out_lens):
        key_lens = in_lens
        query_lens = out_lens
        max_key = attn_scores.size(-1)
        scores = attn_scores.squeeze(1).permute(1, 0, 2)
        scores = F.pad(input=scores, pad=(1, 0, 0, 0, 0, 0), value=self.blank_logprob)
        keys = torch.arange(max_key + 1, device=scores.device, dtype=torch.long)
        scores.masked_fill_(keys.view(1, 1, -1) > key_lens.view(1, -1, 1), -float("inf"))
        logp = self.log_softmax(scores)
        targets = keys[1:].unsqueeze(0).repeat(key_lens.numel(), 1)
        return self.ctc(logp, targets, input_lengths=query_lens, target_lengths=key_lens)


class AlignmentBinarizationLoss(torch.nn.Module):
    def forward(self, hard, soft, eps=1e-12):
        log_sum = torch.log(torch.clamp(soft[hard == 1], min=eps)).sum()
        return -log_sum / hard.sum()
