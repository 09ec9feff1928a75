"""positive [LG010]: the NLI script makes CrossEntropyLoss(weight=weight) and then sets loss_fn.size_average = False; torch reads the reduction fixed at construction ('mean'), so the loss stays a mean and the gradients, divided again by the batch size below, are a batch size too small."""
# Source: facebookresearch/InferSent@940c00343a (the parent of ec6b065, "Fixed reproducability issue with newer pytorch versions", which makes the loss nn.CrossEntropyLoss(weight=weight, reduction='sum')) train_nli.py (re-typed: the loss, the optimizer and trainepoch; argument parsing, data loading and evaluation cut; names kept)
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

from data import get_batch
from models import NLINet
from mutils import get_optimizer

# loss
weight = torch.FloatTensor(params.n_classes).fill_(1)
loss_fn = nn.CrossEntropyLoss(weight=weight)
loss_fn.size_average = False  # expect: LG010

nli_net = NLINet(config_nli_model)
optim_fn, optim_params = get_optimizer(params.optimizer)
optimizer = optim_fn(nli_net.parameters(), **optim_params)
nli_net.cuda()
loss_fn.cuda()


def trainepoch(epoch):
    nli_net.train()
    all_costs = []
    for stidx in range(0, len(s1), params.batch_size):
        s1_batch, s1_len = get_batch(s1[stidx : stidx + params.batch_size], word_vec, params.word_emb_dim)
        s2_batch, s2_len = get_batch(s2[stidx : stidx + params.batch_size], word_vec, params.word_emb_dim)
        s1_batch, s2_batch = Variable(s1_batch.cuda()), Variable(s2_batch.cuda())
        tgt_batch = Variable(torch.LongTensor(target[stidx : stidx + params.batch_size])).cuda()
        k = s1_batch.size(1)  # actual batch size
        output = nli_net((s1_batch, s1_len), (s2_batch, s2_len))
        loss = loss_fn(output, tgt_batch)
        all_costs.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        total_norm = 0
        for p in nli_net.parameters():
            if p.requires_grad:
                p.grad.data.div_(k)  # divide by the actual batch size
                total_norm += p.grad.data.norm() ** 2
        total_norm = np.sqrt(total_norm)
        optimizer.step()
    return np.mean(all_costs)
