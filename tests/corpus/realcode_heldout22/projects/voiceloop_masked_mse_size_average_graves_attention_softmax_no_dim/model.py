"""part of positive project [LG010, LG011]: the VoiceLoop model file defines MaskedMSE around nn.MSELoss(size_average=False) (a summed MSE divided by the mask size) and a Graves attention whose mixture weights go through a self.sm = nn.Softmax() built without dim."""
# Source: facebookarchive/loop at 11297559 (read at the code issue #57, "Out of memory in validation step", is about), model.py;
# re-typed, identifiers renamed; the Encoder and Decoder classes (same file; the decoder owns the attention) cut and left
# undefined, the Loop wrapper shortened to its forward.
import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.nn.utils.rnn import pack_padded_sequence as pack
from torch.nn.utils.rnn import pad_packed_sequence as unpack


def small_mlp(dim_in, dim_out):
    return nn.Sequential(nn.Linear(dim_in, dim_in / 10), nn.ReLU(), nn.Linear(dim_in / 10, dim_out))


class MaskedMSE(nn.Module):
    def __init__(self):
        super(MaskedMSE, self).__init__()
        self.criterion = nn.MSELoss(size_average=False)  # expect: LG010

    @staticmethod
    def _sequence_mask(seq_len, max_len):
        bsz = seq_len.size(0)
        rng = torch.arange(0, max_len).long()
        rng = Variable(rng.unsqueeze(0).expand(bsz, max_len))
        if seq_len.is_cuda:
            rng = rng.cuda()
        lens = seq_len.unsqueeze(1).expand_as(rng)
        return (rng < lens).t().float()

    def forward(self, pred, target, lengths):
        max_len = pred.size(0)
        mask = self._sequence_mask(lengths, max_len).unsqueeze(2)
        mask_ = mask.expand_as(pred)
        self.loss = self.criterion(pred * mask_, target * mask_)
        self.loss = self.loss / mask.sum()
        return self.loss


class GravesAttention(nn.Module):
    COEF = 0.3989422917366028

    def __init__(self, batch_size, mem_elem, K, attention_alignment):
        super(GravesAttention, self).__init__()
        self.K = K
        self.attention_alignment = attention_alignment
        self.epsilon = 1e-5
        self.sm = nn.Softmax()  # expect: LG011
        self.N_a = small_mlp(mem_elem, 3 * K)
        self.J = Variable(torch.arange(0, 500).expand_as(torch.Tensor(batch_size, self.K, 500)), requires_grad=False)

    def forward(self, C, context, mu_prev):
        gbk = self.N_a(C.view(C.size(0), C.size(1) * C.size(2)))
        gbk = gbk.view(gbk.size(0), -1, self.K)
        g = gbk[:, 0, :]
        b = gbk[:, 1, :]
        k = gbk[:, 2, :]

        g = self.sm(g) + self.epsilon
        sig = torch.exp(b) + self.epsilon
        mu = mu_prev + self.attention_alignment * torch.exp(k)

        g = g.unsqueeze(2).expand(g.size(0), g.size(1), context.size(1))
        sig = sig.unsqueeze(2).expand_as(g)
        mu_ = mu.unsqueeze(2).expand_as(g)
        j = self.J[:g.size(0), :, :context.size(1)]

        phi = g * torch.exp(-0.5 * sig * (mu_ - j) ** 2)
        alpha = self.COEF * torch.sum(phi, 1)
        c = torch.bmm(alpha, context).transpose(0, 1).squeeze(0)
        return c, mu, alpha


class Loop(nn.Module):
    def __init__(self, opt):
        super(Loop, self).__init__()
        self.encoder = Encoder(opt)
        self.decoder = Decoder(opt)

    def forward(self, src, tgt, start=True):
        x = self.encoder(src[0], src[1])
        return self.decoder(x, tgt, start)
