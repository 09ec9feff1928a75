"""positive [LG008]: both sides are log_softmax but log_target=True is missing; the finding is on the target argument's line."""
import torch
import torch.nn.functional as F


def consistency_loss(model, weak, strong, T=1.0):
    with torch.no_grad():
        teacher_log = F.log_softmax(model(weak) / T, dim=-1)
    student_log = F.log_softmax(model(strong) / T, dim=-1)
    return F.kl_div(
        student_log,
        teacher_log,  # expect: LG008
        reduction="batchmean",
    )


def train(model, loader, optimizer, lam=1.0):
    for (x_l, y_l), (weak, strong) in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x_l), y_l) + lam * consistency_loss(model, weak, strong)
        loss.backward()
        optimizer.step()
