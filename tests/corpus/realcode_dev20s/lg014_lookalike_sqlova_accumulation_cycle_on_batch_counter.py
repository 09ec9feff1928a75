"""look-alike [LG014]: the loop clears the gradients on the first batch of each cycle of `accum` batches and steps on the last; the `if` tests the batch counter, so its branches run in turn and the step without a zero_grad() ends a cycle of gradient accumulation."""

# Source: naver/sqlova@fc68af6 train.py (re-typed, renamed, cut to the update)
import torch
import torch.nn.functional as F


def header_loss(s_col, gold_cols):
    target = torch.zeros_like(s_col)
    for b, cols in enumerate(gold_cols):
        for c in cols:
            target[b, c] = 1.0
    return F.binary_cross_entropy_with_logits(s_col, target)


def train_epoch(loader, model, bert, opt, opt_bert, accum=1):
    model.train()
    bert.train()
    total, count = 0.0, 0
    for ib, batch in enumerate(loader):
        emb = bert(batch["tokens"])
        s_sel, s_col = model(emb)
        loss = F.cross_entropy(s_sel, batch["sel"]) + header_loss(s_col, batch["cols"])

        if ib % accum == 0:
            opt.zero_grad()
            if opt_bert:
                opt_bert.zero_grad()
            loss.backward()
            if accum == 1:
                opt.step()
                if opt_bert:
                    opt_bert.step()
        elif ib % accum == (accum - 1):
            loss.backward()
            opt.step()
            if opt_bert:
                opt_bert.step()
        else:
            loss.backward()

        total += loss.item()
        count += 1
    return total / max(count, 1)
