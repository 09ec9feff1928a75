"""part of positive project [LG001, LG006]: Listen, Attend and Spell returns the encoder's CTC log-probabilities, their lengths and the decoder's per-character log-probabilities."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), models/las/model.py;
# re-typed, identifiers renamed, docstrings dropped.
from typing import Tuple

import torch.nn as nn
from torch import Tensor

from .decoder import Decoder
from .encoder import Encoder


class ListenAttendSpell(nn.Module):
    def __init__(self, encoder: Encoder, decoder: Decoder) -> None:
        super(ListenAttendSpell, self).__init__()
        self.encoder = encoder
        self.decoder = decoder

    def forward(self, encoder_inputs: Tensor, encoder_inputs_lens: Tensor, decoder_inputs: Tensor,
                teacher_forcing_ratio: float = 1.0) -> Tuple[Tensor, Tensor, Tensor]:
        encoder_output, encoder_output_prob, encoder_output_lens = self.encoder(encoder_inputs, encoder_inputs_lens)
        decoder_output_prob = self.decoder(decoder_inputs, encoder_output, teacher_forcing_ratio)
        return encoder_output_prob, encoder_output_lens, decoder_output_prob
