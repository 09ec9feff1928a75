"""part of positive project [LG010, LG011]: the NMT loss builds a padding-weighted nn.NLLLoss with the deprecated size_average=False, scores the generator's log-probabilities with it, and for distillation adds F.kl_div against the teacher's probabilities with size_average taken from that criterion; each shard's loss is divided by the batch size and back-propagated."""
# Source: antspy/quantized_distillation@bb500b7ae48a3f6751d6434126de9845b58d2d65 onmt/Loss.py (read as is; re-typed, identifiers renamed, the statistics helpers and the shard iterator shortened)
from __future__ import division

import torch
import torch.nn as nn

import onmt


class LossComputeBase(nn.Module):
    def __init__(self, generator, tgt_vocab):
        super(LossComputeBase, self).__init__()
        self.generator = generator
        self.tgt_vocab = tgt_vocab
        self.padding_idx = tgt_vocab.stoi[onmt.IO.PAD_WORD]

    def forward(self, batch, output, target, **kwargs):
        return self.compute_loss(batch, output, target, **kwargs)

    def sharded_compute_loss(self, batch, output, attns, cur_trunc, trunc_size, shard_size, teacher_outputs=None):
        batch_stats = onmt.Statistics()
        range_ = (cur_trunc, cur_trunc + trunc_size)
        gen_state = make_gen_state(output, batch, attns, range_, self.copy_attn, teacher_outputs)
        for shard in shards(gen_state, shard_size):
            loss, stats = self.compute_loss(batch, **shard)
            loss.div(batch.batch_size).backward()
            batch_stats.update(stats)
        return batch_stats

    def bottle(self, v):
        return v.view(-1, v.size(2))


class NMTLossCompute(LossComputeBase):
    def __init__(self, generator, tgt_vocab, use_distillation_loss=False, teacher_generator=None):
        if use_distillation_loss is True and teacher_generator is None:
            raise ValueError('to use distillation loss you have to pass the teacher generator')
        super(NMTLossCompute, self).__init__(generator, tgt_vocab)
        self.copy_attn = False
        weight = torch.ones(len(tgt_vocab))
        weight[self.padding_idx] = 0
        self.criterion = nn.NLLLoss(weight, size_average=False)  # expect: LG010
        self.use_distillation_loss = use_distillation_loss
        self.teacher_generator = teacher_generator

    def compute_loss(self, batch, output, target, **kwargs):
        scores = self.generator(self.bottle(output))
        scores_data = scores.data.clone()
        target = target.view(-1)
        loss = self.criterion(scores, target)
        if self.use_distillation_loss:
            teacher_weight = 0.7
            teacher_outputs = kwargs['teacher_outputs']
            scores_teacher = self.teacher_generator(self.bottle(teacher_outputs))
            prob_teacher = scores_teacher.exp().detach()
            loss_distilled = nn.functional.kl_div(scores, prob_teacher,  # expect: LG010
                                                  weight=self.criterion.weight,
                                                  size_average=self.criterion.size_average)
            loss = (1 - teacher_weight) * loss + teacher_weight * loss_distilled
        stats = self.stats(loss.data.clone(), scores_data, target.data.clone())
        return loss, stats
