"""part of look-alike project [LG001, LG006, LG012, LG013]: calculate_loss takes the decoder's B x T x vocab logits: for "ce" a hand-written label-smoothed cross-entropy over F.log_softmax(pred, dim=1) or F.cross_entropy on the raw logits with the long gold ids; for "ctc" F.log_softmax(..., dim=2) on the (T, B, C) transpose before F.ctc_loss."""
# Source: gentaiscool/end2end-asr-pytorch at a22efdda (the parent of 5a2b9052, "Fix OOM issue during validation", PR #41,
# which only wraps the validation forward in torch.no_grad()), utils/metrics.py;
# re-typed, identifiers renamed; the CER/WER helpers and the commented-out debugging lines cut.
import torch
import torch.nn.functional as F

from utils import constant


def calculate_metrics(pred, gold, input_lengths=None, target_lengths=None, smoothing=0.0, loss_type="ce"):
    loss = calculate_loss(pred, gold, input_lengths, target_lengths, smoothing, loss_type)
    if loss_type == "ce":
        flat_pred = pred.view(-1, pred.size(2))
        flat_gold = gold.contiguous().view(-1)
        best = flat_pred.max(1)[1]
        keep = flat_gold.ne(constant.PAD_TOKEN)
        hits = best.eq(flat_gold)
        hits = hits.masked_select(keep).sum().item()
        return loss, hits
    elif loss_type == "ctc":
        return loss, None
    else:
        print("loss is not defined")
        return None, None


def calculate_loss(pred, gold, input_lengths=None, target_lengths=None, smoothing=0.0, loss_type="ce"):
    if loss_type == "ce":
        pred = pred.view(-1, pred.size(2))  # (B*T) x C
        gold = gold.contiguous().view(-1)  # (B*T)
        if smoothing > 0.0:
            eps = smoothing
            n_cls = pred.size(1)
            scatter_gold = gold.ne(constant.PAD_TOKEN).long() * gold
            one_hot = torch.zeros_like(pred).scatter(1, scatter_gold.view(-1, 1), 1)
            one_hot = one_hot * (1 - eps) + (1 - one_hot) * eps / n_cls
            log_prob = F.log_softmax(pred, dim=1)
            keep = gold.ne(constant.PAD_TOKEN)
            n_tok = keep.sum().item()
            loss = -(one_hot * log_prob).sum(dim=1)
            loss = loss.masked_select(keep).sum() / n_tok
        else:
            loss = F.cross_entropy(pred, gold, ignore_index=constant.PAD_TOKEN, reduction="mean")
    elif loss_type == "ctc":
        log_probs = pred.transpose(0, 1)  # T x B x C
        targets = gold
        log_probs = F.log_softmax(log_probs, dim=2)
        loss = F.ctc_loss(log_probs, targets, input_lengths, target_lengths, reduction="mean")
    else:
        print("loss is not defined")
    return loss
