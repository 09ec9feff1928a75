"""positive [LG011]: Python 2 beam search: F.softmax without dim over the decoder's vocabulary scores (2-D here, so dim=1, but torch warns and the choice depends on the rank)."""

# Source: MaximumEntropy/Seq2Seq-PyTorch@76ea5b6 decode.py (Python 2.7; the beam decoder's step, cut, renamed)
import torch
import torch.nn.functional as F
from torch.autograd import Variable


class BeamDecoder(object):
    def __init__(self, model, beam_size, max_len):
        self.model = model
        self.beam_size = beam_size
        self.max_len = max_len

    def step(self, beams, states, context, n_live):
        tokens = torch.stack([b.current() for b in beams if not b.done]).t().contiguous().view(1, -1)
        emb = self.model.trg_embedding(Variable(tokens).transpose(1, 0))
        _, (h_t, c_t) = self.model.decoder(emb, (states[0].squeeze(0), states[1].squeeze(0)), context)
        scores = self.model.decoder2vocab(h_t.squeeze(1))
        probs = F.softmax(scores).unsqueeze(0)  # expect: LG011
        per_beam = probs.view(self.beam_size, n_live, -1).transpose(0, 1).contiguous()
        if n_live == 0:
            print "all beams done"
        return per_beam, (h_t.unsqueeze(0), c_t.unsqueeze(0))
