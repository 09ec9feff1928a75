"""part of look-alike project [LG006, LG007, LG011]: one discriminator step: a module-level nn.NLLLoss(reduction='sum') on the log-softmax output, zero_grad/backward/step, and the step returns loss.item() with the count of correct predictions."""
# Source: TaSivan/STC-Conditional-SeqGAN-Pytorch at 032dbef6 (read as is), trainer/dis_trainer.py; re-typed,
# identifiers renamed.
import torch
import torch.nn as nn

from models.discriminator import discriminator
from optimizer.dis_optimizer import dis_optim

criterion = nn.NLLLoss(reduction="sum")


def dis_trainer(query_seqs, response_seqs, labels, discriminator, dis_optim, USE_CUDA=True):
    n = query_seqs.size(0)
    assert n == response_seqs.size(0)
    assert n == labels.size(0)

    discriminator.train()

    if USE_CUDA:
        query_seqs = query_seqs.cuda()
        response_seqs = response_seqs.cuda()
        labels = labels.cuda()

    # (batch, 2) log-probabilities
    log_probs = discriminator(query_seqs, response_seqs)

    loss = criterion(log_probs, labels)
    n_correct = (log_probs.max(1)[1] == labels).sum().item()

    dis_optim.zero_grad()
    loss.backward()
    dis_optim.step()

    del query_seqs, response_seqs, labels, log_probs
    torch.cuda.empty_cache()

    return loss.item(), n_correct
