"""part of positive project [LG001, LG006]: the listener: masked convolutions, a bidirectional LSTM and, for joint CTC-attention training, a Linear layer turned into log-probabilities with F.log_softmax(dim=-1) for the CTC loss."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), models/las/encoder.py;
# re-typed, identifiers renamed; MaskConv and the length arithmetic shortened, docstrings dropped.
import math
from typing import Tuple

import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from models.modules import MaskConv


class Encoder(nn.Module):
    supported_rnns = {'rnn': nn.RNN, 'lstm': nn.LSTM, 'gru': nn.GRU}

    def __init__(self, num_vocabs: int, input_size: int = 80, hidden_size: int = 256, num_layers: int = 3,
                 dropout: float = 0.3, bidirectional: bool = True, rnn_type: str = 'lstm',
                 use_joint_ctc_attention: bool = True) -> None:
        super(Encoder, self).__init__()
        input_size = int(math.floor(input_size + 2 * 20 - 41) / 2 + 1)
        input_size = int(math.floor(input_size + 2 * 10 - 21) / 2 + 1)
        input_size <<= 5
        rnn_cell = self.supported_rnns[rnn_type]
        self.rnn = rnn_cell(input_size, hidden_size, num_layers, True, True, dropout, bidirectional)
        self.use_joint_ctc_attention = use_joint_ctc_attention
        self.conv = MaskConv(nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=32, kernel_size=(41, 11), stride=(2, 2), padding=(20, 5)),
            nn.BatchNorm2d(num_features=32),
            nn.Hardtanh(min_val=0, max_val=20, inplace=True),
            nn.Conv2d(in_channels=32, out_channels=32, kernel_size=(21, 11), stride=(2, 1), padding=(10, 5)),
            nn.BatchNorm2d(num_features=32),
            nn.Hardtanh(min_val=0, max_val=20, inplace=True)
        ))
        self.rnn_output_size = hidden_size << 1 if bidirectional else hidden_size
        self.fc = nn.Linear(self.rnn_output_size, num_vocabs)

    def forward(self, inputs: Tensor, inputs_lens: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        if self.training:
            self.rnn.flatten_parameters()
        rnn_output_prob = None
        inputs = inputs.unsqueeze(1)
        conv_output, output_lens = self.conv(inputs, inputs_lens)
        conv_output = conv_output.permute(0, 3, 1, 2)
        batch, seq_len, num_channels, hidden_size = conv_output.size()
        conv_output = conv_output.contiguous().view(batch, seq_len, -1)
        conv_output = nn.utils.rnn.pack_padded_sequence(conv_output, output_lens.cpu(), batch_first=True)
        rnn_output, _ = self.rnn(conv_output)
        rnn_output, _ = nn.utils.rnn.pad_packed_sequence(rnn_output, batch_first=True)
        if self.use_joint_ctc_attention:
            rnn_output_prob = self.fc(rnn_output)
            rnn_output_prob = F.log_softmax(rnn_output_prob, dim=-1)
        return rnn_output, rnn_output_prob, output_lens
