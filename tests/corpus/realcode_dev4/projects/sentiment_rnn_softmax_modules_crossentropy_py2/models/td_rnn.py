"""part of positive project [LG001, LG011]: the target-dependent RNN sentiment model, whose decoder output also goes through nn.Softmax() without dim."""
# Source: vanzytay/pytorch_sentiment_rnn at de866ab models/td_rnn.py (read as is; re-typed, names renamed)
import torch
import torch.nn as nn
from torch.autograd import Variable
import numpy as np

class TargetRNN(nn.Module):
    """Target-dependent Recurrent Neural Network
    Takes a left context and right context and merges them (via concat)
    Passes through a linear transform and a softmax activation for sentiment classification
    """

    def __init__(self, args, vocab_size, pretrained=None):
        super(TargetRNN, self).__init__()
        self.args = args
        self.vocab_size = vocab_size
        self.encoder = nn.Embedding(self.vocab_size, self.args.embedding_size)
        self.left_rnn = getattr(nn, self.args.rnn_type)(self.args.embedding_size, self.args.rnn_size, self.args.rnn_layers,
                            bias=True)
        self.right_rnn = getattr(nn, self.args.rnn_type)(self.args.embedding_size, self.args.rnn_size, self.args.rnn_layers,
                            bias=True)
        self.decoder = nn.Linear(self.args.rnn_size * 2, 3)
        self.softmax = nn.Softmax()  # expect: LG011
        self.init_weights(pretrained=pretrained)

    def init_weights(self, pretrained):
        initrange = 0.1
        if(pretrained is not None):
            pretrained = torch.from_numpy(pretrained.astype(np.float32))
            if(self.args.cuda):
                pretrained = pretrained.cuda()
            self.encoder.weight.data = pretrained
        else:
            self.encoder.weight.data.uniform_(-initrange, initrange)
        self.decoder.bias.data.fill_(0)
        self.decoder.weight.data.uniform_(-initrange, initrange)

    def forward(self, left_input, right_input, left_hidden, right_hidden):
        left_emb = self.encoder(left_input)
        right_emb = self.encoder(right_input)

        left_seq, left_hidden = self.left_rnn(left_emb, left_hidden)
        right_seq, right_hidden = self.right_rnn(right_emb, right_hidden)

        left_last = Variable(torch.LongTensor([left_seq.size()[0]-1]))
        right_last = Variable(torch.LongTensor([right_seq.size()[0]-1]))

        if(self.args.cuda):
            left_last = left_last.cuda()
            right_last = right_last.cuda()

        left_seq = torch.squeeze(torch.index_select(left_seq,0,left_last))
        right_seq = torch.squeeze(torch.index_select(right_seq,0,right_last))
        both = torch.cat((left_seq, right_seq), 1)
        decoded = self.decoder(both)
        decoded = self.softmax(decoded)

        return decoded

    def init_hidden(self, bsz):
        weight = next(self.parameters()).data
        if (self.args.rnn_type == 'LSTM'):
            return (Variable(weight.new(self.args.rnn_layers, bsz, self.args.rnn_size).zero_()),
                    Variable(weight.new(self.args.rnn_layers, bsz, self.args.rnn_size).zero_()))
        else:
            return Variable(weight.new(self.args.rnn_layers, bsz, self.args.rnn_size).zero_())
