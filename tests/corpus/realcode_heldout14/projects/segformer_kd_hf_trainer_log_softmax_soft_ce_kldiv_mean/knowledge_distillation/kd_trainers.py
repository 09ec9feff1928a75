"""part of positive project [LG001, LG009]: the Hugging Face Trainer subclass runs student and teacher, resizes both .logits to the label size and calls the distillation loss."""
# Source: JakubTomaszewski/Knowledge-Distillation-in-Semantic-Segmentation at the parent of 34757f4 ("Refactor: Move logits
# resize to the loss function", which also gives the KL loss reduction="batchmean"), src/knowledge_distillation/kd_trainers.py; re-typed, identifiers renamed; docstrings cut.
from typing import Tuple

import torch
import torch.nn as nn
from transformers import Trainer


class KnowledgeDistillationTrainer(Trainer):
    def __init__(self, student_model, teacher_model, distillation_loss, args=None, data_collator=None, train_dataset=None,
                 eval_dataset=None, tokenizer=None, model_init=None, compute_metrics=None, callbacks=None,
                 optimizers=(None, None), preprocess_logits_for_metrics=None) -> None:
        super().__init__(student_model, args, data_collator, train_dataset, eval_dataset, tokenizer, model_init,
                         compute_metrics, callbacks, optimizers, preprocess_logits_for_metrics)
        self.teacher_model = teacher_model.to(self.args.device)
        self.teacher_model.eval()
        self.distillation_loss = distillation_loss

    def compute_loss(self, student_model: nn.Module, inputs, return_outputs: bool = False):
        labels = inputs.pop("labels")
        student_outputs = student_model(**inputs)
        teacher_outputs = self.teacher_model(**inputs)
        student_logits = student_outputs.logits
        teacher_logits = teacher_outputs.logits
        student_logits = self.resize_outputs(student_logits, labels.shape[-2:])
        teacher_logits = self.resize_outputs(teacher_logits, labels.shape[-2:])
        loss = self.distillation_loss(student_logits, teacher_logits, labels)
        return (loss, student_outputs) if return_outputs else loss

    def resize_outputs(self, output: torch.Tensor, output_size: Tuple[int, int]) -> torch.Tensor:
        return nn.functional.interpolate(output, size=output_size, mode="bilinear", align_corners=False)
