"""positive [LG008]: R-Drop style symmetric KL between two dropout passes gives log_softmax for *both* arguments of F.kl_div without log_target=True."""
import torch
import torch.nn.functional as F


def symmetric_kl(logits_a: torch.Tensor, logits_b: torch.Tensor) -> torch.Tensor:
    logp_a = F.log_softmax(logits_a, dim=-1)
    logp_b = F.log_softmax(logits_b, dim=-1)
    kl_ab = F.kl_div(
        logp_a,
        logp_b,  # expect: LG008
        reduction="batchmean",
    )
    kl_ba = F.kl_div(
        logp_b,
        logp_a,  # expect: LG008
        reduction="batchmean",
    )
    return 0.5 * (kl_ab + kl_ba)


def rdrop_step(model, batch, optimizer, alpha=4.0):
    logits1 = model(**batch["inputs"]).logits
    logits2 = model(**batch["inputs"]).logits
    ce = 0.5 * (F.cross_entropy(logits1, batch["labels"]) + F.cross_entropy(logits2, batch["labels"]))
    loss = ce + alpha * symmetric_kl(logits1, logits2)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
