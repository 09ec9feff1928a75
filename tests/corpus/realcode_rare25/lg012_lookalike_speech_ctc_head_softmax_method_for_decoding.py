"""look-alike [LG012]: a speech recognizer's CTC head applies `log_softmax(2)` before `torch.nn.CTCLoss` in its forward and keeps a separate `softmax()` method, `F.softmax(self.ctc_lo(hs_pad), dim=2)`, for decoding only."""

# Source: yeyupiaoling/MASR@fe0010d masr/model_utils/loss/ctc.py (re-typed, renamed, cut to the module)
import torch
import torch.nn.functional as F


class CTCHead(torch.nn.Module):
    def __init__(self, vocab_size, encoder_dim, dropout_rate=0.0, reduce=True):
        super().__init__()
        self.dropout_rate = dropout_rate
        self.proj = torch.nn.Linear(encoder_dim, vocab_size)
        self.ctc = torch.nn.CTCLoss(reduction="sum" if reduce else "none")

    def forward(self, hs_pad, hlens, ys_pad, ys_lens):
        ys_hat = self.proj(F.dropout(hs_pad, p=self.dropout_rate))
        ys_hat = ys_hat.transpose(0, 1)
        ys_hat = ys_hat.log_softmax(2)
        loss = self.ctc(ys_hat, ys_pad, hlens, ys_lens)
        return loss / ys_hat.shape[1]

    def log_softmax(self, hs_pad):
        return F.log_softmax(self.proj(hs_pad), dim=2)

    def softmax(self, hs_pad):
        return F.softmax(self.proj(hs_pad), dim=2)

    def argmax(self, hs_pad):
        return torch.argmax(self.proj(hs_pad), dim=2)


def greedy_decode(head, encoder_out):
    probs = head.softmax(encoder_out)
    return probs.argmax(dim=-1)
