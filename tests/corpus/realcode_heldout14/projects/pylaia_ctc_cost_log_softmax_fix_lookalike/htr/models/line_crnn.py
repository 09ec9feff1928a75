"""part of look-alike project [LG012]: the CRNN returns raw Linear activations per frame (a PackedSequence or a tensor)."""
# Source: jpuigcerver/PyLaia at the fix 9fe3d04 ("Fixed CTCLoss and test more cases"), laia/models/htr/laia_crnn.py;
# re-typed, identifiers renamed; the VGG-style conv block loop and the conv-size helper cut.
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import PackedSequence


class LineCRNN(nn.Module):
    def __init__(self, in_channels, num_labels, conv, sequencer, rnn_units, rnn_layers, rnn_dropout, lin_dropout, rnn_type=nn.LSTM):
        super(LineCRNN, self).__init__()
        self._rnn_dropout = rnn_dropout
        self._lin_dropout = lin_dropout
        self.conv = conv
        self.sequencer = sequencer
        self.rnn = rnn_type(
            in_channels * self.sequencer.fix_size,
            rnn_units,
            rnn_layers,
            dropout=rnn_dropout,
            bidirectional=True,
            batch_first=False,
        )
        self.rnn.flatten_parameters()
        self.linear = nn.Linear(2 * rnn_units, num_labels)

    def dropout(self, x, p):
        if 0.0 < p < 1.0:
            if isinstance(x, PackedSequence):
                return PackedSequence(F.dropout(x.data, p=p, training=self.training), x.batch_sizes)
            return F.dropout(x, p=p, training=self.training)
        return x

    def forward(self, x):
        x = self.conv(x)
        x = self.sequencer(x)
        x = self.dropout(x, p=self._rnn_dropout)
        x, _ = self.rnn(x)
        x = self.dropout(x, p=self._lin_dropout)
        return (
            PackedSequence(self.linear(x.data), x.batch_sizes)
            if isinstance(x, PackedSequence)
            else self.linear(x)
        )
