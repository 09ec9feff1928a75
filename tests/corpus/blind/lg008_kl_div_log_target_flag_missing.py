"""positive [LG008]: consistency regularisation passes log_softmax of the clean view as the F.kl_div target without log_target=True."""
import torch
import torch.nn.functional as F


def consistency_loss(model, x_weak, x_strong, T=1.0):
    with torch.no_grad():
        logits_weak = model(x_weak)
    logits_strong = model(x_strong)
    log_p_strong = F.log_softmax(logits_strong / T, dim=-1)
    log_p_weak = F.log_softmax(logits_weak / T, dim=-1)
    return F.kl_div(
        log_p_strong,
        log_p_weak,  # expect: LG008
        reduction="batchmean",
    )


def train_semi(model, labeled, unlabeled, optimizer, lam=1.0, steps=20000):
    lab_it, unl_it = iter(labeled), iter(unlabeled)
    for step in range(steps):
        try:
            x, y = next(lab_it)
        except StopIteration:
            lab_it = iter(labeled)
            x, y = next(lab_it)
        try:
            xw, xs = next(unl_it)
        except StopIteration:
            unl_it = iter(unlabeled)
            xw, xs = next(unl_it)
        sup = F.cross_entropy(model(x), y)
        unsup = consistency_loss(model, xw, xs)
        loss = sup + lam * unsup
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 1000 == 0:
            print(step, sup.item(), unsup.item())
