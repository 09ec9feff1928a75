"""part of positive project [LG008, LG009]: the dense-retrieval training step scores in-batch pairs and hands the concatenated scores and teacher scores to the configured in-batch list loss."""
# Source: https://github.com/sebastian-hofstaetter/matchmaker matchmaker/train.py at 210b9da0c46ee6b672f59ffbf8603e0f75edb2b6; re-typed, names changed, reduced
# to the in-batch negative branch. `model`, `loader` and `config` come from the real script's setup.
import torch

from matchmaker.losses.all import get_loss


def train(model, loader, optimizer, config):
    ranking_loss_fn, inbatch_loss_fn, use_list_loss, use_inbatch_list_loss = get_loss(config)
    for batch in loader:
        optimizer.zero_grad()
        query_vecs, doc_vecs_pos, doc_vecs_neg = model(batch)
        score_pos = (query_vecs * doc_vecs_pos).sum(-1)
        score_neg = (query_vecs * doc_vecs_neg).sum(-1)
        loss = ranking_loss_fn(score_pos, score_neg, torch.ones_like(score_pos))
        if config["in_batch_negatives"]:
            ib_scores_pos = torch.mm(query_vecs, doc_vecs_pos.transpose(-2, -1))
            ib_scores_neg = torch.mm(query_vecs, doc_vecs_neg.transpose(-2, -1))
            if use_inbatch_list_loss:
                ib_scores_cat = torch.cat([ib_scores_pos, ib_scores_neg], dim=1)
                ib_label_cat = torch.cat([batch["teacher_scores_pos"], batch["teacher_scores_neg"]], dim=1)
                ib_loss = inbatch_loss_fn(ib_scores_cat, ib_label_cat)
                loss = loss + ib_loss
        loss.backward()
        optimizer.step()
