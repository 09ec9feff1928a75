"""positive [LG009, LG011]: the quantized-distillation helper builds nn.KLDivLoss() with the default mean reduction for Hinton's distillation term (scaled by T^2 as if it were a per-sample KL), and takes an entropy-based teacher mask from F.softmax(outputs) without dim."""
# Source: antspy/quantized_distillation@bb500b7ae48a3f6751d6434126de9845b58d2d65 cnn_models/help_fun.py (read as is, master; re-typed, identifiers renamed, cut at function boundaries: the timing, gradient-noise and learning-rate helpers left out; the entropy helper module is the repository's own)
import math
import random

import torch
import torch.nn as nn
from torch.autograd import Variable

import helpers.functions as hf

USE_CUDA = torch.cuda.is_available()


def forward_and_backward(model, batch, idx_batch, epoch, criterion=None, use_distillation_loss=False,
                         teacher_model=None, temperature_distillation=2, ask_teacher_strategy='always',
                         return_more_info=False):
    if criterion is None:
        criterion = nn.CrossEntropyLoss()
    if USE_CUDA:
        criterion = criterion.cuda()
    if use_distillation_loss is True and teacher_model is None:
        raise ValueError('To compute distillation loss you need to pass the teacher model')
    if not isinstance(ask_teacher_strategy, tuple):
        ask_teacher_strategy = (ask_teacher_strategy, )

    inputs, labels = batch
    inputs, labels = Variable(inputs), Variable(labels)
    if USE_CUDA:
        inputs = inputs.cuda()
        labels = labels.cuda()

    outputs = model(inputs)
    n_asked = 0

    if use_distillation_loss:
        teacher_weight = 0.7
        if 'entropy' in ask_teacher_strategy[0].lower():
            probs = torch.nn.functional.softmax(outputs).data  # expect: LG011
            entropy = [hf.get_entropy(probs[k, :]) for k in range(probs.size(0))]

        if ask_teacher_strategy[0].lower() == 'always':
            ask_mask = torch.ByteTensor([True] * outputs.size(0))
        elif ask_teacher_strategy[0].lower() == 'cutoff_entropy':
            cutoff = ask_teacher_strategy[1]
            ask_mask = torch.ByteTensor([e > cutoff for e in entropy])
        elif ask_teacher_strategy[0].lower() == 'random_entropy':
            max_entropy = math.log2(outputs.size(1))
            ask_mask = torch.ByteTensor([random.random() < e / max_entropy for e in entropy])
        elif ask_teacher_strategy[0].lower() == 'incorrect_labels':
            _, predictions = outputs.max(dim=1)
            ask_mask = (predictions != labels).data.cpu()
        else:
            raise ValueError('ask_teacher_strategy is incorrectly formatted')

        idx_distill = torch.arange(0, outputs.size(0))[ask_mask.view(-1, 1)].long()
        idx_plain = torch.arange(0, outputs.size(0))[1 - ask_mask.view(-1, 1)].long()
        if USE_CUDA:
            idx_distill = idx_distill.cuda()
            idx_plain = idx_plain.cuda()

        soft, log_soft, kl = nn.Softmax(dim=1), nn.LogSoftmax(dim=1), nn.KLDivLoss()  # expect: LG009
        if USE_CUDA:
            soft, log_soft = soft.cuda(), log_soft.cuda()
            kl = kl.cuda()

        if idx_distill.size() != torch.Size():
            n_asked = idx_distill.numel()
            teacher_inputs = Variable(inputs.data[idx_distill, :], requires_grad=False)
            if USE_CUDA:
                teacher_inputs = teacher_inputs.cuda()
            teacher_out = teacher_model(teacher_inputs).detach()
            loss_masked = teacher_weight * temperature_distillation ** 2 * kl(
                log_soft(outputs[idx_distill, :] / temperature_distillation),
                soft(teacher_out / temperature_distillation))
            loss_masked += (1 - teacher_weight) * criterion(outputs[idx_distill, :], labels[idx_distill])
        else:
            loss_masked = 0

        if idx_plain.size() != torch.Size():
            loss_plain = criterion(outputs[idx_plain, :], labels[idx_plain])
        else:
            loss_plain = 0
        loss = loss_masked + loss_plain
    else:
        loss = criterion(outputs, labels)

    loss.backward()

    if return_more_info:
        return loss.data[0], n_asked, inputs.size(0)
    return loss.data[0]
