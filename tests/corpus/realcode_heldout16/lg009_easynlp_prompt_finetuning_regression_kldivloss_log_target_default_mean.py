"""positive [LG009, LG008]: the few-shot distillation example's prompt-based BERT, for regression tasks, log-softmaxes the two label-word scores and compares them with a two-bin target through nn.KLDivLoss(log_target=True) at its default reduction (the mean over every element, not the KL divergence); the two-bin target `(1 - p, p)` is probabilities, which log_target=True reads as log-probabilities (LG008, marked in round 32)."""
# Source: alibaba/EasyNLP at a4ee956 (read as is), examples/fewshot_distillation/src/models.py; re-typed, identifiers
# renamed; the RoBERTa variants and the distillation teacher/student classes cut (the RoBERTa class has the same
# _compute_mlm_loss).
import torch
import torch.nn as nn
from transformers.models.bert.modeling_bert import BertModel, BertOnlyMLMHead, BertPreTrainedModel


class PromptBert(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.bert = BertModel(config)
        self.cls_head = BertOnlyMLMHead(config)
        self.init_weights()
        self.model_args = None
        self.data_args = None
        self.label_word_list = None
        self.lb = None
        self.ub = None
        self.return_full_softmax = None

    def _compute_mlm_loss(self, logits, labels, weights=None):
        if self.num_labels == 1:
            kl = nn.KLDivLoss(log_target=True)  # expect: LG009
            labels = torch.stack(
                [1 - (labels.view(-1) - self.lb) / (self.ub - self.lb), (labels.view(-1) - self.lb) / (self.ub - self.lb)],
                -1,
            )
            loss = kl(logits.view(-1, 2), labels)  # expect: LG008
        else:
            ce = nn.CrossEntropyLoss(reduction='none')
            if weights is not None:
                loss = torch.mean(ce(logits.view(-1, logits.size(-1)), labels.view(-1)) * weights)
            else:
                loss = torch.mean(ce(logits.view(-1, logits.size(-1)), labels.view(-1)))
        return loss

    def forward(self, input_ids=None, attention_mask=None, token_type_ids=None, mask_pos=None, labels=None):
        if mask_pos is not None:
            mask_pos = mask_pos.squeeze()
        out = self.bert(input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        seq_out = out[0]
        mask_out = seq_out[torch.arange(seq_out.size(0)), mask_pos]
        vocab_scores = self.cls_head(mask_out)
        if self.return_full_softmax:
            if labels is not None:
                return torch.zeros(1, out=vocab_scores.new()), vocab_scores
            return vocab_scores
        scores = torch.cat([vocab_scores[:, self.label_word_list[k]].unsqueeze(-1)
                            for k in range(len(self.label_word_list))], -1)
        if self.config.num_labels == 1:
            scores = nn.LogSoftmax(-1)(scores)
        loss = self._compute_mlm_loss(scores, labels)
        result = (scores,)
        if self.num_labels == 1:
            result = (torch.exp(scores[..., 1].unsqueeze(-1)) * (self.ub - self.lb) + self.lb,)
        return ((loss,) + result) if loss is not None else result
