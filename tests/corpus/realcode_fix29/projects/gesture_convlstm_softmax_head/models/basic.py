"""part of positive project [LG001]: the gesture classifier runs pre-encoded frames through an LSTM and returns `F.softmax(..., dim=1)` of its last linear layer: probabilities, not logits (the fix, 1d87e02d29 "removed softmax from model output", returns the linear layer's output)."""

# Source: kennyleung-su/cs231n-sl-classification@f94cab0fc3 models/basic.py, fixed in 1d87e02d29 ("removed softmax from model output") (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F
from base.base_model import ConfiguredModel


class FrameLSTMClassifier(ConfiguredModel):
    _ENCODING_SIZE = 1000

    def __init__(self, *args, **kwargs):
        super(FrameLSTMClassifier, self).__init__(*args, **kwargs)
        self._lstm = nn.LSTM(
            input_size=self._ENCODING_SIZE,
            hidden_size=self._cfg.lstm_hidden_size,
            num_layers=1,
            bias=False,
            batch_first=True,
        )
        self._head = nn.Linear(self._cfg.lstm_hidden_size, self._num_classes)

    def forward(self, input):
        frames, lengths = input["X"], input["seq_lens"]
        N, D, T = frames.shape
        frames = frames.permute(0, 2, 1)
        packed = torch.nn.utils.rnn.pack_padded_sequence(frames, lengths, batch_first=True)
        _, (h_t, c_t) = self._lstm(packed)
        return F.softmax(self._head(h_t.view(N, -1)), dim=1)
