"""part of positive project [LG007, LG010, LG011]: the decoder's label head is nn.Softmax(dim=1) of a Linear layer, clamped; forward collects each step's output in a list through a nested decode() and returns the list."""
# Source: https://github.com/jamesli1618/Obj-GAN box_generation/seq2seq/models/DecoderRNN.py at 44b442ff1a1588bcf7c4855aaca2e6a4c26b10ed; re-typed, names changed,
# reduced (the box GMM heads, sampling at inference and the base class's RNN set-up reduced to the label path).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

from .attention import Attention


class DecoderRNN(nn.Module):
    KEY_SEQUENCE = "sequence"

    def __init__(self, l_word2index, batch_size, max_len, hidden_size, gmm_comp_num, n_layers=1,
                 dropout_p=0, use_attention=False):
        super(DecoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.l_output_size = len(l_word2index)
        self.batch_size = batch_size
        self.max_length = max_len
        self.use_attention = use_attention
        self.l_sos_id = l_word2index["<sos>"]
        self.l_embedding = nn.Embedding(self.l_output_size, hidden_size)
        self.input_dropout = nn.Dropout(p=dropout_p)
        if use_attention:
            self.attention = Attention("concat", hidden_size)
            self.rnn = nn.LSTM(2 * hidden_size, hidden_size, n_layers, batch_first=True, dropout=dropout_p)
        else:
            self.rnn = nn.LSTM(hidden_size, hidden_size, n_layers, batch_first=True, dropout=dropout_p)
        self.l_softmax = F.log_softmax
        self.l_out = nn.Linear(hidden_size, self.l_output_size)
        self.xy_out = nn.Linear(hidden_size + self.l_output_size, gmm_comp_num * 6)

    def forward_step(self, l_input, hidden, encoder_outputs):
        l_input = self.input_dropout(self.l_embedding(l_input.unsqueeze(1)))
        attn = None
        if self.use_attention:
            attn = self.attention(hidden[0], encoder_outputs)
            context = attn.bmm(encoder_outputs)
            l_input = torch.cat((l_input, context), dim=2)
        output, hidden = self.rnn(l_input, hidden)
        label_softmax = nn.Softmax(dim=1)(self.l_out(output.contiguous().view(-1, self.hidden_size))).clamp(1e-5, 1)
        xy_hidden = torch.cat((hidden[0].squeeze(0), label_softmax), dim=1)
        xy_gmm_param = self.xy_out(xy_hidden)
        return label_softmax, hidden, attn, xy_gmm_param

    def forward(self, encoder_hidden=None, encoder_outputs=None, target_l_variables=None, is_training=0):
        ret_dict = dict()
        decoder_hidden = encoder_hidden
        decoder_l_outputs = []
        xy_gmm_params = []
        sequence_labels = []

        def decode(step, step_l_output):
            decoder_l_outputs.append(step_l_output)
            labels = step_l_output.topk(1)[1].squeeze(1)
            sequence_labels.append(labels)
            return labels

        l_input = Variable(torch.LongTensor([self.l_sos_id] * self.batch_size))
        for di in range(self.max_length):
            if is_training:
                l_input = target_l_variables[:, di]
            step_output, decoder_hidden, step_attn, xy_gmm_param = self.forward_step(l_input, decoder_hidden, encoder_outputs)
            xy_gmm_params.append(xy_gmm_param)
            l_input = decode(di, step_output)

        ret_dict[DecoderRNN.KEY_SEQUENCE] = sequence_labels
        return decoder_l_outputs, xy_gmm_params, decoder_hidden, ret_dict
