"""part of positive project [LG006, LG013]: the model, embedding, encoder and decoder wired together; the decoder returns the logits."""

# Source: jiangqn/seq2seq@00d49c9221 model/seq2seq.py, fixed in b65ee86ed5 (cut, renamed)
import torch.nn as nn

from model.utils import length_mask


class Seq2Seq(nn.Module):
    def __init__(self, embedding, encoder, decoder):
        super(Seq2Seq, self).__init__()
        self._embedding = embedding
        self._encoder = encoder
        self._decoder = decoder

    def forward(self, src, src_lens, trg):
        memory, states = self._encoder(self._embedding(src), src_lens)
        mask = length_mask(src_lens, src.size(1))
        first_output = self._decoder.first_output(memory, src_lens, states)
        return self._decoder(memory, mask, states, first_output, trg)
