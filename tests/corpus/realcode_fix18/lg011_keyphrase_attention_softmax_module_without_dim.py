"""positive [LG011]: the keyphrase generator's attention module builds nn.Softmax() without dim and applies it to its (batch, source length) scores in the dot-attention path (the commit that "fixes bugs" while moving to one-to-many training writes nn.Softmax(dim=-1))."""

# Source: memray/seq2seq-keyphrase-pytorch@263b446c4b pykp/model.py, fixed in 7c56d9af47 (cut, renamed)
import torch
import torch.nn as nn


class Attention(nn.Module):
    def __init__(self, enc_dim, trg_dim, method="general"):
        super(Attention, self).__init__()
        self.method = method
        if self.method == "general":
            self.attn = nn.Linear(enc_dim, trg_dim)
        self.softmax = nn.Softmax()  # expect: LG011
        self.linear_in = nn.Linear(trg_dim, enc_dim, bias=False)
        self.linear_out = nn.Linear(2 * trg_dim, trg_dim, bias=False)
        self.tanh = nn.Tanh()

    def dot_attention(self, hidden, context):
        target = self.linear_in(hidden).unsqueeze(2)
        attn = torch.bmm(context, target).squeeze(2)
        attn = self.softmax(attn)
        weighted = torch.bmm(attn.view(attn.size(0), 1, attn.size(1)), context).squeeze(1)
        h_tilde = self.tanh(self.linear_out(torch.cat((weighted, hidden), 1)))
        return h_tilde, attn
