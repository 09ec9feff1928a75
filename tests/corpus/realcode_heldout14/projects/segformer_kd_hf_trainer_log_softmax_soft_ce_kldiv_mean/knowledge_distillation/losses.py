"""part of positive project [LG001, LG009]: the soft-target term passes log-softmaxed student logits to nn.CrossEntropyLoss; the KL variant builds nn.KLDivLoss() with the default reduction."""
# Source: JakubTomaszewski/Knowledge-Distillation-in-Semantic-Segmentation at the parent of 34757f4 ("Refactor: Move logits
# resize to the loss function", which also gives the KL loss reduction="batchmean"), src/knowledge_distillation/losses.py; re-typed, identifiers renamed.
import torch.nn as nn


class DistillationCrossEntropyLoss:
    def __init__(self, temperature: int = 1, alpha: float = 0.7, ignore_index: int = -100) -> None:
        self.standard_targets_loss = nn.CrossEntropyLoss(ignore_index=ignore_index)
        self.soft_targets_loss = nn.CrossEntropyLoss()
        self.softmax = nn.Softmax(dim=1)
        self.log_softmax = nn.LogSoftmax(dim=1)
        self.temperature = temperature
        self.alpha = alpha
        self.ignore_index = ignore_index

    def __call__(self, student_logits, teacher_logits, target):
        hard_labels_loss = self.standard_targets_loss(student_logits, target)
        soft_labels_loss = self.soft_targets_loss(self.log_softmax(student_logits / self.temperature),  # expect: LG001
                                                  self.softmax(teacher_logits / self.temperature))
        soft_labels_loss = soft_labels_loss * self.temperature**2
        return (1 - self.alpha) * hard_labels_loss + self.alpha * soft_labels_loss


class DistillationKLDivLoss:
    def __init__(self, temperature: int = 1, alpha: float = 0.7, ignore_index: int = -100) -> None:
        self.standard_targets_loss = nn.CrossEntropyLoss(ignore_index=ignore_index)
        self.soft_targets_loss = nn.KLDivLoss()  # expect: LG009
        self.softmax = nn.Softmax(dim=1)
        self.log_softmax = nn.LogSoftmax(dim=1)
        self.temperature = temperature
        self.alpha = alpha
        self.ignore_index = ignore_index

    def __call__(self, student_logits, teacher_logits, target):
        hard_labels_loss = self.standard_targets_loss(student_logits, target)
        soft_labels_loss = self.soft_targets_loss(self.log_softmax(student_logits / self.temperature),
                                                  self.softmax(teacher_logits / self.temperature))
        soft_labels_loss = soft_labels_loss * self.temperature**2
        return (1 - self.alpha) * hard_labels_loss + self.alpha * soft_labels_loss
