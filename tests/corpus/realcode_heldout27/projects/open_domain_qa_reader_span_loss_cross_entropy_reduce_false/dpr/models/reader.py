"""part of positive project [LG010]: the extractive reader scores answer spans and passage relevance with Linear heads over the encoder and, in training mode, returns compute_loss(...): per-example cross-entropies from CrossEntropyLoss built with the deprecated reduce=False (reduction 'none'), summed for the passage switch and combined by the marginal likelihood over answer spans."""
# Source: facebookresearch/DPR at a31212dc, dpr/models/reader.py; re-typed, identifiers renamed; the reader-input batching (create_reader_input
# and its helpers) shortened. init_weights is the repository's (not included).
import collections

import torch
import torch.nn as nn
from torch import Tensor as T
from torch.nn import CrossEntropyLoss

from dpr.utils.model_utils import init_weights

ReaderBatch = collections.namedtuple(
    "ReaderBatch", ["input_ids", "start_positions", "end_positions", "answers_mask", "token_type_ids"])


class Reader(nn.Module):
    def __init__(self, encoder: nn.Module, hidden_size):
        super(Reader, self).__init__()
        self.encoder = encoder
        self.qa_outputs = nn.Linear(hidden_size, 2)
        self.qa_classifier = nn.Linear(hidden_size, 1)
        init_weights([self.qa_outputs, self.qa_classifier])

    def forward(self, input_ids: T, attention_mask: T, toke_type_ids: T, start_positions=None, end_positions=None,
                answer_mask=None):
        N, M, L = input_ids.size()
        start_logits, end_logits, relevance_logits = self._forward(input_ids.view(N * M, L),
                                                                   attention_mask.view(N * M, L),
                                                                   toke_type_ids.view(N * M, L))
        if self.training:
            return compute_loss(start_positions, end_positions, answer_mask, start_logits, end_logits,
                                relevance_logits, N, M)
        return start_logits.view(N, M, L), end_logits.view(N, M, L), relevance_logits.view(N, M)

    def _forward(self, input_ids, attention_mask, toke_type_ids: T):
        sequence_output, _pooled, _hidden = self.encoder(input_ids, toke_type_ids, attention_mask)
        logits = self.qa_outputs(sequence_output)
        start_logits, end_logits = logits.split(1, dim=-1)
        start_logits = start_logits.squeeze(-1)
        end_logits = end_logits.squeeze(-1)
        rank_logits = self.qa_classifier(sequence_output[:, 0, :])
        return start_logits, end_logits, rank_logits


def compute_loss(start_positions, end_positions, answer_mask, start_logits, end_logits, relevance_logits, N, M):
    start_positions = start_positions.view(N * M, -1)
    end_positions = end_positions.view(N * M, -1)
    answer_mask = answer_mask.view(N * M, -1)
    start_logits = start_logits.view(N * M, -1)
    end_logits = end_logits.view(N * M, -1)
    relevance_logits = relevance_logits.view(N * M)
    answer_mask = answer_mask.type(torch.FloatTensor).cuda()
    ignored_index = start_logits.size(1)
    start_positions.clamp_(0, ignored_index)
    end_positions.clamp_(0, ignored_index)
    loss_fct = CrossEntropyLoss(reduce=False, ignore_index=ignored_index)  # expect: LG010

    relevance_logits = relevance_logits.view(N, M)
    switch_labels = torch.zeros(N, dtype=torch.long).cuda()
    switch_loss = torch.sum(loss_fct(relevance_logits, switch_labels))

    start_losses = [(loss_fct(start_logits, _start) * _mask)
                    for (_start, _mask) in zip(torch.unbind(start_positions, dim=1), torch.unbind(answer_mask, dim=1))]
    end_losses = [(loss_fct(end_logits, _end) * _mask)
                  for (_end, _mask) in zip(torch.unbind(end_positions, dim=1), torch.unbind(answer_mask, dim=1))]
    loss_tensor = torch.cat([t.unsqueeze(1) for t in start_losses], dim=1) + torch.cat(
        [t.unsqueeze(1) for t in end_losses], dim=1)
    loss_tensor = loss_tensor.view(N, M, -1).max(dim=1)[0]
    span_loss = _calc_mml(loss_tensor)
    return span_loss + switch_loss


def _calc_mml(loss_tensor):
    marginal_likelihood = torch.sum(torch.exp(-loss_tensor - 1e10 * (loss_tensor == 0).float()), 1)
    return -torch.sum(
        torch.log(marginal_likelihood + torch.ones(loss_tensor.size(0)).cuda() * (marginal_likelihood == 0).float()))
