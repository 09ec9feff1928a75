"""part of positive project [LG001, LG011]: the plain RNN sentiment model, whose decoder output goes through nn.Softmax() without dim before it is returned."""
# Source: vanzytay/pytorch_sentiment_rnn at de866ab models/rnn.py (read as is; issue #3 "Accuracy unchanged while training": every prediction is the same class; re-typed, names renamed)
import torch
import torch.nn as nn
from torch.autograd import Variable
import numpy as np
from attention import AttentionLayer

class BasicRNN(nn.Module):
    """Container module with an encoder, a recurrent module, and a decoder."""

    def __init__(self, args, vocab_size, pretrained=None):
        super(BasicRNN, self).__init__()
        self.args = args
        self.vocab_size = vocab_size
        self.encoder = nn.Embedding(self.vocab_size, self.args.embedding_size)
        self.rnn = getattr(nn, self.args.rnn_type)(self.args.embedding_size, self.args.rnn_size, self.args.rnn_layers,
                            bias=False)
        self.decoder = nn.Linear(self.args.rnn_size, 3)
        self.softmax = nn.Softmax()  # expect: LG011
        self.attend = AttentionLayer(self.args, self.args.rnn_size)
        self.init_weights(pretrained=pretrained)
        print("Initialized {} model".format(self.args.rnn_type))

    def init_weights(self, pretrained):
        initrange = 0.1
        if(pretrained is not None):
            pretrained = pretrained.astype(np.float32)
            pretrained = torch.from_numpy(pretrained)
            if(self.args.cuda):
                pretrained = pretrained.cuda()
            self.encoder.weight.data = pretrained
        else:
            self.encoder.weight.data.uniform_(-initrange, initrange)
        self.decoder.bias.data.fill_(0)
        self.decoder.weight.data.uniform_(-initrange, initrange)

    def forward(self, tokens, hidden):
        emb = self.encoder(tokens)
        seq, hidden = self.rnn(emb, hidden)
        last = Variable(torch.LongTensor([seq.size()[0]-1]))
        if(self.args.cuda):
            last = last.cuda()
        if('ATT' in self.args.model_type):
            seq = self.attend(seq, attention_width=self.args.attention_width)
        if(self.args.aggregation=='mean'):
            seq = torch.mean(seq, 0)
        elif(self.args.aggregation=='last'):
            seq = torch.index_select(seq,0,last)
        seq = torch.squeeze(seq)
        decoded = self.decoder(seq)
        decoded = self.softmax(decoded)
        return decoded, hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters()).data
        if (self.args.rnn_type == 'LSTM'):
            return (Variable(weight.new(self.args.rnn_layers, bsz, self.args.rnn_size).zero_()),
                    Variable(weight.new(self.args.rnn_layers, bsz, self.args.rnn_size).zero_()))
        else:
            return Variable(weight.new(self.args.rnn_layers, bsz, self.args.rnn_size).zero_())
