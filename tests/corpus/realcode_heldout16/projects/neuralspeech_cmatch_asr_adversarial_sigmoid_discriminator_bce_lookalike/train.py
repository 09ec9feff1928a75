"""part of look-alike project [LG004, LG002, LG016, LG003]: the adaptation loop clears the gradients, adds the weighted mean adversarial loss to the mean ASR loss, back-propagates and records .item() values."""
# Source: microsoft/NeuralSpeech at 8cf4fbc, CMatchASR/train.py (train_epoch for domain adaptation); re-typed,
# identifiers renamed; argument parsing, data loading and evaluation cut. `args` is the module-level namespace.
import collections
import math

from torch.nn.utils import clip_grad_norm_


def train_uda_epoch(src_loader, tgt_loader, model, optimizer, epoch):
    model.train()
    stats = collections.defaultdict(list)
    n_batch = min(len(src_loader), len(tgt_loader))
    src_iter, tgt_iter = iter(src_loader), iter(tgt_loader)
    for step in range(n_batch):
        src = [t.cuda() for t in next(src_iter)]
        tgt = [t.cuda() for t in next(tgt_iter)]
        optimizer.zero_grad()
        asr_loss, uda_loss = model(*src, *tgt)
        asr_loss = asr_loss.mean()
        loss = asr_loss
        if args.transfer_loss_weight > 0:
            if args.transfer_loss_weight_warmup_steps > 0:
                done = float(step + (epoch - 1) * n_batch) / args.transfer_loss_weight_warmup_steps
                weight = args.transfer_loss_weight * min(1.0, done)
            else:
                weight = args.transfer_loss_weight
            transfer_loss = uda_loss.mean()
            loss = asr_loss + weight * transfer_loss
        loss.backward()
        grad_norm = clip_grad_norm_(model.parameters(), args.grad_clip)
        if math.isnan(grad_norm):
            continue
        optimizer.step()
        stats["asr_loss_lst"].append(asr_loss.item())
        if args.transfer_loss_weight > 0:
            stats["transfer_loss_lst"].append(transfer_loss.item())
        stats["loss_lst"].append(loss.item())
    return {k: sum(v) / len(v) for k, v in stats.items() if v}
