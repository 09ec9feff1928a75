"""positive [LG013]: a transformers Trainer subclass's compute_loss casts the labels to float before a focal loss module that ends in nll_loss: class indices as floats."""

# Source: boostcampaitech3/level2-klue-level2-nlp-07@aa02879553 trainer.py (CustomTrainer), loss.py (FocalLoss),
# train.py; re-typed, identifiers renamed; the tokenizer, the data loading and the arguments cut
# Mutation: `labels = inputs.get("labels").float()` (was without `.float()`)
import torch
import torch.nn as nn
import torch.nn.functional as F
from transformers import AutoModelForSequenceClassification, Trainer


class Focal(nn.Module):
    def __init__(self, weight=None, gamma=0.5, reduction="mean"):
        nn.Module.__init__(self)
        self.weight = weight
        self.gamma = gamma
        self.reduction = reduction

    def forward(self, scores, target):
        log_prob = F.log_softmax(scores, dim=-1)
        prob = torch.exp(log_prob)
        return F.nll_loss(((1 - prob) ** self.gamma) * log_prob, target, weight=self.weight, reduction=self.reduction)  # expect: LG013


class FocalTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels").float()
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss = Focal()(logits.view(-1, self.model.config.num_labels), labels.view(-1))
        return (loss, outputs) if return_outputs else loss


def main(args, train_set, dev_set, training_args):
    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=30)
    trainer = FocalTrainer(model=model, args=training_args, train_dataset=train_set, eval_dataset=dev_set)
    trainer.train()
