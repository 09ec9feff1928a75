"""look-alike [LG008, LG009]: federated KD term: nn.KLDivLoss(reduction='batchmean')(F.log_softmax(q / T, dim=1), F.softmax(p / T, dim=1))."""
# Source: issue https://github.com/jinkyu032/FedMLB/issues/3 (FedMLB.py lines 12-17 posted in the thread); re-typed,
# names changed. Correct code.
import torch.nn as nn
import torch.nn.functional as F


def KD(input_p, input_q, T=1):
    kl_loss = nn.KLDivLoss(reduction="batchmean")
    p = F.softmax(input_p / T, dim=1)
    q = F.log_softmax(input_q / T, dim=1)
    result = kl_loss(q, p)
    return result


def local_update(model, loader, optimizer, lambda_kd, epochs):
    for epoch in range(epochs):
        for images, labels in loader:
            main_out, hybrid_outs = model(images, return_hybrid=True)
            loss = F.cross_entropy(main_out, labels)
            for h in hybrid_outs:
                loss = loss + lambda_kd * KD(h, main_out)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
