"""part of positive project [LG007, LG011]: the BiDAF network's output layer turns the start and end scores into probabilities with F.softmax (no dim) and returns them."""

# Source: jojonki/BiDAF@4fa242ae62 layers/attention_net.py, fixed in 5b930c3699 (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F

from layers.char_embedding import CharEmbedding
from layers.highway import Highway
from layers.word_embedding import WordEmbedding


class AttentionNet(nn.Module):
    def __init__(self, args):
        super(AttentionNet, self).__init__()
        self.embd_size = args.embd_size
        self.char_embd_net = CharEmbedding(args)
        self.word_embd_net = WordEmbedding(args)
        self.highway_net = Highway(args.embd_size * 2)
        self.ctx_embd_layer = nn.GRU(args.embd_size * 2, args.embd_size * 2, bidirectional=True)
        self.W = nn.Parameter(torch.rand(3 * 2 * 2 * args.embd_size, 1).type(torch.FloatTensor), requires_grad=True)
        self.modeling_layer = nn.GRU(args.embd_size * 2 * 8, args.embd_size * 2, bidirectional=True)
        self.p1_layer = nn.Linear(args.embd_size * 2 * 10, args.ans_size)
        self.p2_lstm_layer = nn.GRU(args.embd_size * 2 * 2, args.embd_size * 2 * 2, bidirectional=True)
        self.p2_layer = nn.Linear(args.embd_size * 2 * 12, args.ans_size)

    def build_contextual_embd(self, x_c, x_w):
        embd = torch.cat((self.char_embd_net(x_c), self.word_embd_net(x_w)), 2)
        embd = self.highway_net(embd)
        ctx_embd_out, _ = self.ctx_embd_layer(embd)
        return ctx_embd_out

    def forward(self, ctx_c, ctx_w, query_c, query_w):
        batch_size = ctx_c.size(0)
        embd_context = self.build_contextual_embd(ctx_c, ctx_w)
        ctx_len = embd_context.size(1)
        embd_query = self.build_contextual_embd(query_c, query_w)
        query_len = embd_query.size(1)
        shape = (batch_size, ctx_len, query_len, self.embd_size * 2 * 2)
        embd_context_ex = embd_context.unsqueeze(2).expand(shape)
        embd_query_ex = embd_query.unsqueeze(1).expand(shape)
        cat_data = torch.cat((embd_context_ex, embd_query_ex, torch.mul(embd_context_ex, embd_query_ex)), 3)
        cat_data = cat_data.view(batch_size, -1, 6 * 2 * self.embd_size)
        S = torch.bmm(cat_data, self.W.unsqueeze(0).expand(batch_size, 6 * 2 * self.embd_size, 1))
        S = S.view(batch_size, ctx_len, query_len)
        c2q = torch.bmm(S, embd_query)
        tmp_b = torch.max(S, 2)[0]
        b = torch.stack([F.softmax(tmp_b[i]) for i in range(batch_size)], 0)  # expect: LG011
        q2c = torch.bmm(b.unsqueeze(1), embd_context).squeeze().unsqueeze(1).repeat(1, ctx_len, 1)
        G = torch.cat((embd_context, c2q, embd_context.mul(c2q), embd_context.mul(q2c)), 2)
        M, _ = self.modeling_layer(G)
        G_M = torch.cat((G, M), 2).sum(1)
        p1 = F.softmax(self.p1_layer(G_M))  # expect: LG011
        M2, _ = self.p2_lstm_layer(M)
        G_M2 = torch.cat((G, M2), 2).sum(1)
        p2 = F.softmax(self.p2_layer(G_M2))  # expect: LG011
        return p1, p2
