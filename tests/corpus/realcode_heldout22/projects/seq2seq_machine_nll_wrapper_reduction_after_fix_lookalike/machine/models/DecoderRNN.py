"""part of look-alike project [LG006, LG007, LG010, LG014]: the decoder's forward_step applies its function argument (default F.log_softmax, dim=1) to the output projection, so the losses receive log-probabilities per step."""
# Source: i-machine-think/machine at 170e4372 ("BUG: Some Pytorch 1.0 warning fixes", after 72086898 and 3c21c2df moved
# NLLLoss to reduction=), machine/models/DecoderRNN.py;
# re-typed, identifiers renamed; attention set-up, greedy decoding, the teacher-forcing branches and argument checks cut.
import torch.nn as nn
import torch.nn.functional as F

from .baseRNN import BaseRNN


class DecoderRNN(BaseRNN):
    def __init__(self, vocab_size, max_len, hidden_size, sos_id, eos_id, n_layers=1, rnn_cell="gru",
                 bidirectional=False, input_dropout_p=0, dropout_p=0, use_attention=False):
        super(DecoderRNN, self).__init__(vocab_size, max_len, hidden_size, input_dropout_p, dropout_p, n_layers, rnn_cell)
        self.output_size = vocab_size
        self.embedding = nn.Embedding(self.output_size, self.hidden_size)
        self.out = nn.Linear(self.hidden_size, self.output_size)

    def forward_step(self, input_var, hidden, encoder_outputs, function, **kwargs):
        bsz = input_var.size(0)
        out_len = input_var.size(1)
        emb = self.embedding(input_var)
        emb = self.input_dropout(emb)
        output, hidden = self.rnn(emb, hidden)
        attn = None
        step_scores = function(self.out(output.contiguous().view(-1, self.out.in_features)), dim=1).view(bsz, out_len, -1)
        return step_scores, hidden, attn

    def forward(self, inputs=None, encoder_hidden=None, encoder_outputs=None, function=F.log_softmax,
                teacher_forcing_ratio=0):
        dec_hidden = self._init_state(encoder_hidden)
        dec_outs, dec_hidden, attn = self.forward_step(inputs, dec_hidden, encoder_outputs, function=function)
        steps = [dec_outs[:, t, :] for t in range(dec_outs.size(1))]
        return steps, dec_hidden, {}
