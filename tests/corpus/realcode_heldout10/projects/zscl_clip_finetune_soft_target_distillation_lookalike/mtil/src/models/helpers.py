"""part of look-alike project [LG001, LG006, LG013]: distillation() passes the student logits to F.cross_entropy with the teacher's softmax as a soft (probability) target; l2_loss sums F.mse_loss over the parameters in a loop that only builds one loss term."""
# Source: Thunderbeee/ZSCL@b96e71423e2cbd592ddd229aaf2f1e889b86f1af mtil/src/models/helpers.py (read as is; issue #6 of the repository reports the error an old torch raised on these soft targets; re-typed, cut at function boundaries: batch, get_datasets_text, wise_we and paired_loss_new left out)
import torch
import torch.nn.functional as F

import clip.clip as clip


def merge_we(model_0, model_1, sma_count):
    for param_q, param_k in zip(model_0.parameters(), model_1.parameters()):
        param_k.data = (param_k.data * sma_count + param_q.data) / (1.0 + sma_count)
    return model_1


def moving_avg(model_0, model_1, alpha=0.999):
    for param_q, param_k in zip(model_0.parameters(), model_1.parameters()):
        param_q.data = param_q.data * alpha + param_k.data * (1 - alpha)


def l2_loss(model, model_ref):
    loss = 0.0
    for param_q, param_k in zip(model.parameters(), model_ref.parameters()):
        loss += F.mse_loss(param_q, param_k.detach(), reduction="sum")
    return loss


def virtual_vocab(length=10, n_class=1000):
    voc_len = len(clip._tokenizer.encoder)
    texts = torch.randint(0, voc_len, (n_class, length))
    start = torch.full((n_class, 1), clip._tokenizer.encoder["<start_of_text>"])
    end = torch.full((n_class, 1), clip._tokenizer.encoder["<end_of_text>"])
    zeros = torch.zeros((n_class, 75 - length), dtype=torch.long)
    return torch.cat([start, texts, end, zeros], dim=1)


def distillation(t, s, T=2):
    p = F.softmax(t / T, dim=1)
    loss = F.cross_entropy(s / T, p, reduction="mean") * (T ** 2)
    return loss
