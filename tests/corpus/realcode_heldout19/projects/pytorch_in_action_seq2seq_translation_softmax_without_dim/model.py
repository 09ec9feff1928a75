"""part of positive project [LG011]: the book's English-Chinese seq2seq; the plain decoder builds nn.LogSoftmax() without dim, and the attention decoder (the one trained) calls F.softmax and F.log_softmax without dim, each forward wrapped in try/except that logs the error."""
# Source: xiaobaoonline/pytorch-in-action at 193745dc (read as is), chapter7_序列预测模型/model.py; re-typed,
# identifiers renamed; the docstrings cut. logger and process (MAX_LENGTH) are other files of the folder, not included.
import torch
from logger import logger
from torch import nn
from torch.autograd import Variable
from torch.nn import functional as F

from process import MAX_LENGTH

use_cuda = torch.cuda.is_available()


class Encoder(nn.Module):
    def __init__(self, vocab, hidden, n_layers=1):
        super(Encoder, self).__init__()
        self.n_layers = n_layers
        self.hidden = hidden
        self.emb = nn.Embedding(vocab, hidden)
        self.gru = nn.GRU(hidden, hidden)

    def forward(self, token, h):
        try:
            x = self.emb(token).view(1, 1, -1)
            out = x
            for _ in range(self.n_layers):
                out, h = self.gru(out, h)
            return out, h
        except Exception as err:
            logger.error(err)

    def init_hidden(self):
        h0 = Variable(torch.zeros(1, 1, self.hidden))
        if use_cuda:
            return h0.cuda()
        else:
            return h0


class Decoder(nn.Module):
    def __init__(self, hidden, vocab, n_layers=1):
        super(Decoder, self).__init__()
        self.n_layers = n_layers
        self.hidden = hidden
        self.emb = nn.Embedding(vocab, hidden)
        self.gru = nn.GRU(hidden, hidden)
        self.proj = nn.Linear(hidden, vocab)
        self.log_sm = nn.LogSoftmax()  # expect: LG011

    def forward(self, token, h):
        try:
            out = self.emb(token).view(1, 1, -1)
            for _ in range(self.n_layers):
                out = F.relu(out)
                out, h = self.gru(out, h)
            out = self.log_sm(self.proj(out[0]))
            return out, h
        except Exception as err:
            logger.error(err)

    def init_hidden(self):
        h0 = Variable(torch.zeros(1, 1, self.hidden))
        if use_cuda:
            return h0.cuda()
        else:
            return h0


class AttnDecoder(nn.Module):
    def __init__(self, hidden, vocab, n_layers=1, dropout_p=0.1, max_length=MAX_LENGTH):
        super(AttnDecoder, self).__init__()
        self.hidden = hidden
        self.vocab = vocab
        self.n_layers = n_layers
        self.dropout_p = dropout_p
        self.max_length = max_length
        self.emb = nn.Embedding(self.vocab, self.hidden)
        self.attn = nn.Linear(self.hidden * 2, self.max_length)
        self.attn_mix = nn.Linear(self.hidden * 2, self.hidden)
        self.drop = nn.Dropout(self.dropout_p)
        self.gru = nn.GRU(self.hidden, self.hidden)
        self.proj = nn.Linear(self.hidden, self.vocab)

    def forward(self, token, h, enc_out, enc_outs):
        try:
            x = self.emb(token).view(1, 1, -1)
            x = self.drop(x)
            weights = F.softmax(  # expect: LG011
                self.attn(torch.cat((x[0], h[0]), 1)))
            applied = torch.bmm(weights.unsqueeze(0), enc_outs.unsqueeze(0))
            out = torch.cat((x[0], applied[0]), 1)
            out = self.attn_mix(out).unsqueeze(0)
            for _ in range(self.n_layers):
                out = F.relu(out)
                out, h = self.gru(out, h)
            out = F.log_softmax(self.proj(out[0]))  # expect: LG011
            return out, h, weights
        except Exception as err:
            logger.error(err)

    def init_hidden(self):
        h0 = Variable(torch.zeros(1, 1, self.hidden))
        if use_cuda:
            return h0.cuda()
        else:
            return h0
