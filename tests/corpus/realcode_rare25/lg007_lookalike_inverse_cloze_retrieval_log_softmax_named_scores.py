"""look-alike [LG007]: an inverse-cloze retriever pretraining step scores every query against every gathered context and passes `F.log_softmax(retrieval_scores, dim=1)`, kept under the name `softmax_scores`, to `F.nll_loss`: log-probabilities, whatever the name says."""

# Source: FlagAI-Open/FlagAI@9a885f3 examples/h3t/baseline/pretrain_ict.py (re-typed, renamed, cut to the loss of one step; the data-parallel gather is left out)
import math

import torch
import torch.nn.functional as F


def retrieval_step(model, query_tokens, query_mask, block_tokens, block_mask, hidden_size, scale=True):
    query_vecs, block_vecs = model(query_tokens, query_mask, block_tokens, block_mask)
    batch = query_vecs.shape[0]

    retrieval_scores = torch.matmul(query_vecs, torch.transpose(block_vecs, 0, 1))
    if scale:
        retrieval_scores = retrieval_scores / math.sqrt(hidden_size)

    softmax_scores = F.log_softmax(retrieval_scores, dim=1)
    _, ranked = torch.topk(softmax_scores, k=softmax_scores.shape[1], sorted=True)
    top1 = sum(int(i in ranked[i, :1]) for i in range(batch)) / batch

    labels = torch.arange(batch).long()
    loss = F.nll_loss(softmax_scores, labels, reduction="mean")
    return loss, {"top1_acc": top1}
