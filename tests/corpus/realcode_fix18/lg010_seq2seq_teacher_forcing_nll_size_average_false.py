"""positive [LG010]: the RNN encoder-decoder sums F.nll_loss over the target steps with the deprecated size_average=False (a warning on every call; the commit that moves the code off deprecated torch calls writes reduction="sum"), then divides by the number of unpadded tokens."""

# Source: threelittlemonkeys/seq2seq-pytorch@8d01b92be6 rnn-encoder-decoder/train.py, fixed in bd3f263e82 (cut, renamed)
import torch
import torch.nn.functional as F

from model import Decoder, Encoder, LongTensor, mask_of, scalar, zeros

BATCH_SIZE = 64
HIDDEN_SIZE = 1000
PAD_IDX = 0
SOS_IDX = 2


def train(data, src_vocab, tgt_vocab, num_epochs, lr=0.01):
    enc = Encoder(len(src_vocab))
    dec = Decoder(len(tgt_vocab))
    enc_optim = torch.optim.SGD(enc.parameters(), lr=lr)
    dec_optim = torch.optim.SGD(dec.parameters(), lr=lr)
    for epoch in range(1, num_epochs + 1):
        loss_sum = 0
        for x, y in data:
            loss = 0
            enc.zero_grad()
            dec.zero_grad()
            mask = mask_of(x)
            enc_out = enc(x, mask)
            dec_in = LongTensor([SOS_IDX] * BATCH_SIZE).unsqueeze(1)
            dec.hidden = enc.hidden
            if dec.feed_input:
                dec.attn.hidden = zeros(BATCH_SIZE, 1, HIDDEN_SIZE)
            for t in range(y.size(1)):
                dec_out = dec(dec_in, enc_out, t, mask)
                loss += F.nll_loss(dec_out, y[:, t], size_average=False, ignore_index=PAD_IDX)  # expect: LG010
                dec_in = y[:, t].unsqueeze(1)
            loss /= y.data.gt(0).sum().float()
            loss.backward()
            enc_optim.step()
            dec_optim.step()
            loss_sum += scalar(loss)
        print(epoch, loss_sum / len(data))
