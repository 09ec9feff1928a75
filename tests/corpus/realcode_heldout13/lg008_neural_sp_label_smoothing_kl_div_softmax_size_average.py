"""positive [LG008, LG010]: an ASR toolkit's label-smoothing helper gives F.kl_div the softmax probabilities of the logits as its input (the log-space line is left commented out) and builds it with the deprecated size_average=/reduce= pair."""
# Source: hirofumi0810/neural_sp@304dd484b62e7795c5385c6c1a26ec16eda21b5e models/pytorch/criterion.py (read as is; the helper stays until the rewrite in 97c29b66 "first commit"; re-typed, identifiers renamed, the docstrings shortened)
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import torch
import torch.nn.functional as F
from torch.autograd import Variable


def smoothing_kl(scores, smooth_prob, prior='uniform', average=False):
    """KL term of label smoothing; scores are [B, T, V] logits."""
    bs, steps, vocab = scores.size()
    if prior == 'uniform':
        ref = Variable(torch.FloatTensor(bs, steps, vocab).fill_(1 / vocab * smooth_prob))
    elif prior == 'normal':
        raise NotImplementedError
    else:
        raise NotImplementedError

    if scores.is_cuda:
        ref = ref.cuda()

    kl = F.kl_div(F.softmax(scores, dim=-1), ref,  # expect: LG008, LG010
                  size_average=False, reduce=True)
    # kl = F.kl_div(F.log_softmax(scores, dim=-1), torch.log(ref),
    #               size_average=False, reduce=True)

    if average:
        kl /= bs

    return kl


def smoothing_xent(scores, lens, smooth_prob, prior='uniform', average=False):
    """Cross-entropy term of label smoothing against a uniform prior over the valid steps."""
    bs, steps, vocab = scores.size()
    if prior == 'uniform':
        weight = 1 / vocab * smooth_prob
    elif prior == 'normal':
        raise NotImplementedError
    else:
        raise NotImplementedError

    logp = F.log_softmax(scores, dim=-1)

    xent = sum([(- weight * logp[b, :lens[b]]).sum() for b in range(bs)])

    if average:
        xent /= bs

    return xent
