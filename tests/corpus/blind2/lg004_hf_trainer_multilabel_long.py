"""positive [LG004]: a Trainer subclass for multi-label classification casts the labels with .long() and hands them to BCEWithLogitsLoss."""
import torch
from torch import nn
from transformers import Trainer


class MultiLabelTrainer(Trainer):
    def __init__(self, *args, label_weights=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.loss_fct = nn.BCEWithLogitsLoss(pos_weight=label_weights)

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels").long()
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss = self.loss_fct(logits, labels)  # expect: LG004
        return (loss, outputs) if return_outputs else loss


def collate(features, tokenizer):
    batch = tokenizer.pad([{"input_ids": f["input_ids"]} for f in features], return_tensors="pt")
    batch["labels"] = torch.tensor([f["label_vec"] for f in features])
    return batch
