"""part of positive project [LG010]: the text-recognition head's loss calls F.cross_entropy(input, target, reduce=False) on the flattened character logits and averages it over the non-PAD characters of each word; the mean over words refers to a name, valid, that the function never defines."""
# Source: whai362/pan_pp.pytorch at 674e4d8c, models/head/pan_pp_rec_head.py (PAN_PP_RecHead.loss, read as is); re-typed,
# identifiers renamed; feature cropping, the attention encoder / decoder and beam search cut (Encoder, Decoder, acc as in
# the source's modules).
import torch
import torch.nn as nn
import torch.nn.functional as F

from ..loss import acc


class TextRecHead(nn.Module):
    def __init__(self, input_dim, hidden_dim, voc, char2id, id2char, beam_size=1, feature_size=(8, 32)):
        super(TextRecHead, self).__init__()
        self.char2id = char2id
        self.id2char = id2char
        self.beam_size = beam_size
        self.conv = nn.Conv2d(input_dim, hidden_dim, kernel_size=3, stride=1, padding=1)
        self.bn = nn.BatchNorm2d(hidden_dim)
        self.relu = nn.ReLU(inplace=True)
        self.feature_size = feature_size
        self.encoder = Encoder(hidden_dim, voc, char2id, id2char)
        self.decoder = Decoder(hidden_dim, hidden_dim, 2, voc, char2id, id2char)

    def loss(self, input, target, reduce=True):
        EPS = 1e-6
        N, L, D = input.size()
        mask = target != self.char2id['PAD']
        input = input.contiguous().view(-1, D)
        target = target.contiguous().view(-1)
        loss_rec = F.cross_entropy(input, target, reduce=False)  # expect: LG010
        loss_rec = loss_rec.view(N, L)
        loss_rec = torch.sum(loss_rec * mask.float(), dim=1) / (torch.sum(mask.float(), dim=1) + EPS)
        acc_rec = acc(torch.argmax(input, dim=1).view(N, L), target.view(N, L), mask, reduce=False)
        if reduce:
            loss_rec = torch.mean(loss_rec[valid])
            acc_rec = torch.mean(acc_rec)
        return {'loss_rec': loss_rec, 'acc_rec': acc_rec}

    def forward(self, x, target=None):
        holistic = self.encoder(x)
        if self.training:
            return self.decoder(x, holistic, target)
        if self.beam_size <= 1:
            return self.decoder.forward_test(x, holistic)
        return self.decoder.beam_search(x, holistic, beam_size=self.beam_size)
