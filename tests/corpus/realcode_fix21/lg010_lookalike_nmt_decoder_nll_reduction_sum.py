"""look-alike [LG010]: the same decoder at the fix commit: nn.NLLLoss(reduction="sum", ignore_index=0)."""

# Source: lium-lst/nmtpytorch@a0bd086bcb nmtpytorch/layers/decoders/simplegru.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F

from .. import FF
from ..attention import Attention


class SimpleGRUDecoder(nn.Module):
    def __init__(self, input_size, hidden_size, ctx_size_dict, ctx_name, n_vocab, dropout_out=0):
        super().__init__()
        self.hidden_size = hidden_size
        self.ctx_size_dict = ctx_size_dict
        self.ctx_name = ctx_name
        self.n_vocab = n_vocab
        self.dropout_out = dropout_out
        self.emb = nn.Embedding(self.n_vocab, input_size, padding_idx=0)
        self.att = Attention(self.ctx_size_dict[self.ctx_name], self.hidden_size)
        self.dec0 = nn.GRUCell(input_size, self.hidden_size)
        self.ff_dec_init = FF(self.ctx_size_dict[self.ctx_name], self.hidden_size, activ="tanh")
        if self.dropout_out > 0:
            self.do_out = nn.Dropout(p=self.dropout_out)
        self.hid2out = FF(2 * self.hidden_size, input_size, bias_zero=True, activ="tanh")
        self.out2prob = FF(input_size, self.n_vocab)
        self.nll_loss = nn.NLLLoss(reduction="sum", ignore_index=0)

    def f_init(self, ctx_dict):
        ctx, ctx_mask = ctx_dict[self.ctx_name]
        return self.ff_dec_init(ctx.sum(0).div(ctx_mask.unsqueeze(-1).sum(0)) if ctx_mask is not None else ctx.mean(0))

    def f_next(self, ctx_dict, y, h):
        h1 = self.dec0(y, h)
        self.alpha_t, z_t = self.att(h1.unsqueeze(0), *ctx_dict[self.ctx_name])
        logit = self.hid2out(torch.cat((h1, z_t), dim=-1))
        if self.dropout_out > 0:
            logit = self.do_out(logit)
        return F.log_softmax(self.out2prob(logit), dim=-1), h1

    def forward(self, ctx_dict, y):
        loss = 0.0
        logps = None if self.training else torch.zeros(y.shape[0] - 1, y.shape[1], self.n_vocab).cuda()
        y_emb = self.emb(y)
        h = self.f_init(ctx_dict)
        for t in range(y_emb.shape[0] - 1):
            log_p, h = self.f_next(ctx_dict, y_emb[t], h)
            if not self.training:
                logps[t] = log_p.data
            loss += self.nll_loss(log_p, y[t + 1])
        return {"loss": loss, "logps": logps}
