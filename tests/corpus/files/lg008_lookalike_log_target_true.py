"""look-alike [LG008, LG009]: both sides log_softmax with log_target=True and reduction='batchmean' (correct)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

kl = nn.KLDivLoss(reduction="batchmean", log_target=True)


def mutual_learning_step(net_a, net_b, x, y, opt_a, opt_b):
    logits_a, logits_b = net_a(x), net_b(x)
    log_pa = F.log_softmax(logits_a, dim=1)
    log_pb = F.log_softmax(logits_b, dim=1)
    loss_a = F.cross_entropy(logits_a, y) + kl(log_pa, log_pb.detach())
    loss_b = F.cross_entropy(logits_b, y) + F.kl_div(log_pb, log_pa.detach(), reduction="batchmean", log_target=True)
    opt_a.zero_grad()
    opt_b.zero_grad()
    (loss_a + loss_b).backward()
    opt_a.step()
    opt_b.step()
    return loss_a.item(), loss_b.item()
