"""look-alike [LG001, LG013, LG014]: the Transformer returns seq_logit.view(-1, vocab); cal_loss either smooths labels by hand with F.log_softmax(pred, dim=1) or calls F.cross_entropy(pred, gold, ignore_index=pad, reduction='sum'); the optimizer wrapper's step_and_update_lr() follows zero_grad()."""
# Source: https://github.com/jadore801120/attention-is-all-you-need-pytorch train.py and transformer/Models.py at
# 132907dd272e2cc92e3c10e6c4e783a87ff8893d; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Transformer(nn.Module):
    def __init__(self, encoder, decoder, d_model, n_trg_vocab, src_pad_idx, trg_pad_idx, scale_prj=True):
        super().__init__()
        self.src_pad_idx, self.trg_pad_idx = src_pad_idx, trg_pad_idx
        self.encoder = encoder
        self.decoder = decoder
        self.trg_word_prj = nn.Linear(d_model, n_trg_vocab, bias=False)
        self.scale_prj = scale_prj
        self.d_model = d_model

    def forward(self, src_seq, trg_seq):
        enc_output, *_ = self.encoder(src_seq)
        dec_output, *_ = self.decoder(trg_seq, enc_output)
        seq_logit = self.trg_word_prj(dec_output)
        if self.scale_prj:
            seq_logit *= self.d_model ** -0.5
        return seq_logit.view(-1, seq_logit.size(2))


def cal_loss(pred, gold, trg_pad_idx, smoothing=False):
    gold = gold.contiguous().view(-1)
    if smoothing:
        eps = 0.1
        n_class = pred.size(1)
        one_hot = torch.zeros_like(pred).scatter(1, gold.view(-1, 1), 1)
        one_hot = one_hot * (1 - eps) + (1 - one_hot) * eps / (n_class - 1)
        log_prb = F.log_softmax(pred, dim=1)
        non_pad_mask = gold.ne(trg_pad_idx)
        loss = -(one_hot * log_prb).sum(dim=1)
        loss = loss.masked_select(non_pad_mask).sum()
    else:
        loss = F.cross_entropy(pred, gold, ignore_index=trg_pad_idx, reduction="sum")
    return loss


def patch_trg(trg, pad_idx):
    trg = trg.transpose(0, 1)
    trg, gold = trg[:, :-1], trg[:, 1:].contiguous().view(-1)
    return trg, gold


def train_epoch(model, training_data, optimizer, opt, device, smoothing):
    model.train()
    total_loss, n_word_total = 0, 0
    for batch in training_data:
        src_seq = batch.src.transpose(0, 1).to(device)
        trg_seq, gold = map(lambda x: x.to(device), patch_trg(batch.trg, opt.trg_pad_idx))
        optimizer.zero_grad()
        pred = model(src_seq, trg_seq)
        loss = cal_loss(pred, gold, opt.trg_pad_idx, smoothing=smoothing)
        loss.backward()
        optimizer.step_and_update_lr()
        total_loss += loss.item()
    return total_loss
