"""positive [LG011]: the Show-and-Tell caption decoder returns F.log_softmax(logits) without dim at every time step, in its teacher-forced forward and in the step function used for sampling; the word-level criteria read these as log-probabilities."""
# Source: elbayadm/captioning at b14d936c, models/ShowTellModel.py (read as is); re-typed, identifiers renamed; the
# DecoderModel base (embedding and projection loading), beam search and sampling cut (DecoderModel stands for the cut
# base class).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

from .Decoder import DecoderModel


class ShowTellDecoder(DecoderModel):
    def __init__(self, opt):
        super(ShowTellDecoder, self).__init__(opt)
        self.img_embed = nn.Linear(self.fc_feat_size, self.input_encoding_size)
        self.core = getattr(nn, self.rnn_type.upper())(self.input_encoding_size, self.rnn_size, self.num_layers,
                                                       bias=(opt.rnn_bias == 1), dropout=self.drop_prob_lm)
        self.embed = nn.Embedding(self.vocab_size, self.input_encoding_size)
        self.drop_x_lm = nn.Dropout(p=opt.drop_x_lm)
        self.logit = nn.Linear(self.rnn_size, self.vocab_size)
        self.init_weights()

    def init_weights(self):
        r = 0.1
        if self.W is not None:
            self.embed.weight = nn.Parameter(torch.from_numpy(self.W), requires_grad=self.require_W_grad)
        else:
            self.embed.weight.data.uniform_(-r, r)
        if not self.tie_weights:
            self.logit.weight.data.uniform_(-r, r)
        else:
            self.logit.weight = self.embed.weight
        self.logit.bias.data.fill_(0)
        self.img_embed.bias.data.fill_(0)
        self.img_embed.weight.data.uniform_(-r, r)

    def init_hidden(self, bsz):
        weight = next(self.parameters()).data
        if self.rnn_type == 'lstm':
            return (Variable(weight.new(self.num_layers, bsz, self.rnn_size).zero_()),
                    Variable(weight.new(self.num_layers, bsz, self.rnn_size).zero_()))
        return Variable(weight.new(self.num_layers, bsz, self.rnn_size).zero_())

    def forward(self, fc_feats, att_feats, seq):
        batch_size = fc_feats.size(0)
        state = self.init_hidden(batch_size)
        outputs = []
        seq_vocab = np.unique(seq.cpu().data.numpy())
        for i in range(seq.size(1)):
            if i == 0:
                xt = self.img_embed(fc_feats)
            else:
                if i >= 2 and self.ss_prob > 0.0:
                    draw = fc_feats.data.new(batch_size).uniform_(0, 1)
                    picked = draw < self.ss_prob
                    if picked.sum() == 0:
                        it = seq[:, i - 1].clone()
                    else:
                        idx = picked.nonzero().view(-1)
                        it = seq[:, i - 1].data.clone()
                        prev = torch.exp(outputs[-1].data)
                        if self.ss_vocab:
                            for token in seq_vocab:
                                prev[:, token] += 0.5
                        it.index_copy_(0, idx, torch.multinomial(prev, 1).view(-1).index_select(0, idx))
                        it = Variable(it, requires_grad=False)
                else:
                    it = seq[:, i - 1].clone()
                if i >= 2 and seq[:, i - 1].data.sum() == 0:
                    break
                xt = self.embed(it)
                xt = self.drop_x_lm(xt)
            output, state = self.core(xt.unsqueeze(0), state)
            output = F.log_softmax(self.logit(output.squeeze(0)))  # expect: LG011
            outputs.append(output)
        return torch.cat([o.unsqueeze(1) for o in outputs[1:]], 1).contiguous()

    def get_logprobs_state(self, it, state):
        xt = self.embed(it)
        output, state = self.core(xt.unsqueeze(0), state)
        logprobs = F.log_softmax(self.logit(self.dropout(output.squeeze(0))))  # expect: LG011
        return logprobs, state
