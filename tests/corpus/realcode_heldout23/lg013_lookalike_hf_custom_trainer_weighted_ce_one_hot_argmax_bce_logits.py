"""look-alike [LG001, LG003, LG004, LG013]: a Hugging Face Trainer subclass whose compute_loss pops the labels, takes outputs.logits and, for multiclass, gives CrossEntropyLoss(weight=...) the logits with labels.argmax(dim=-1) (the one-hot float rows turned into class indices), for multilabel BCEWithLogitsLoss the logits with labels.float(); the dataset stores float32 one-hot rows only for the weighted loss, int64 indices otherwise."""
# Source: activetigger/activetigger at d4073717 (read as is), api/activetigger/tasks/train_bert.py; re-typed,
# identifiers renamed; the logging callback, the tokenizer and the task class shortened to three functions. The
# configuration models and annotations_to_matrix are not included.
from collections import Counter
from pathlib import Path
from typing import Any

import datasets
import torch
from torch import nn
from transformers import Trainer, TrainingArguments

from activetigger.tasks.predict_bert import annotations_to_matrix


def class_weights_from(dataset, label_key="labels"):
    labels = [row[label_key].argmax().item() for row in dataset]
    counts = Counter(labels)
    total = sum(counts.values())
    n_cls = len(counts)
    weights = [total / (n_cls * counts[k]) for k in sorted(counts.keys())]
    return torch.tensor(weights, dtype=torch.float)


class WeightedTrainer(Trainer):
    def __init__(self, *args, **kwargs):
        self.class_weights = kwargs.pop("class_weights", None)
        self.training_kind = kwargs.pop("training_kind", "multiclass")
        super().__init__(*args, **kwargs)
        self._loss_fct = None

    def compute_loss(
        self,
        model: nn.Module,
        inputs: dict[str, torch.Tensor | Any],
        return_outputs: bool = False,
        num_items_in_batch: torch.Tensor | int | None = None,
    ) -> torch.Tensor | tuple[torch.Tensor, Any]:
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        if self._loss_fct is None:
            weights = self.class_weights.to(logits.device) if self.class_weights is not None else None
            if self.training_kind == "multiclass":
                self._loss_fct = nn.CrossEntropyLoss(weight=weights)
            elif self.training_kind == "multilabel":
                self._loss_fct = nn.BCEWithLogitsLoss(weight=weights)
            else:
                raise ValueError(f"Training kind {self.training_kind} not recognized.")
        if self.training_kind == "multiclass":
            label_idx = labels.argmax(dim=-1)
            loss = self._loss_fct(logits.view(-1, self.model.config.num_labels), label_idx.view(-1))
        else:
            loss = self._loss_fct(logits, labels.float())
        return (loss, outputs) if return_outputs else loss


def to_dataset(training_kind, df, col_label, col_text, label2id, loss_name):
    ids = df.reset_index()["id"].copy().to_list()
    texts = df[col_text].copy().to_list()
    one_hot = "weight" in loss_name.lower() if loss_name is not None else False
    if training_kind == "multiclass":
        as_list = df[col_label].copy().replace(label2id).tolist()
        if one_hot:
            labels = torch.tensor([[int(i == j) for j in range(len(label2id))] for i in as_list],
                                  dtype=torch.float32)
        else:
            labels = torch.tensor(as_list, dtype=torch.long)
    elif training_kind == "multilabel":
        labels = torch.tensor(annotations_to_matrix(df[col_label], list(label2id.keys())).tolist(),
                              dtype=torch.float32)
    else:
        raise ValueError(f"Training kind {training_kind} not recognized.")
    return datasets.Dataset.from_dict({"id": ids, "text": texts, "labels": labels}).with_format("torch")


def build_trainer(out_dir: Path, ds, model, params, loss_name: str) -> Trainer:
    has_test = "test" in ds
    args = TrainingArguments(
        output_dir=str(out_dir.joinpath("train")),
        learning_rate=float(params.lrate),
        weight_decay=float(params.wdecay),
        num_train_epochs=float(params.epochs),
        gradient_accumulation_steps=int(params.gradacc),
        per_device_train_batch_size=int(params.batchsize),
        eval_strategy="steps" if has_test else "no",
        do_eval=has_test,
    )
    eval_ds = ds["test"] if has_test else None
    if loss_name == "cross_entropy":
        return Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=eval_ds)
    if loss_name == "weighted_cross_entropy":
        return WeightedTrainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=eval_ds,
                               class_weights=class_weights_from(ds["train"], label_key="labels"))
    raise ValueError(f"Loss function {loss_name} not recognized.")
