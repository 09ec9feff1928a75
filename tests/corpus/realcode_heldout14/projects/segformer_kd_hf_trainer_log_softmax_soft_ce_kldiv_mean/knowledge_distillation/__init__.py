"""part of positive project [LG001, LG009]: re-exports the trainer and the two distillation losses."""
from .kd_trainers import KnowledgeDistillationTrainer
from .losses import DistillationCrossEntropyLoss, DistillationKLDivLoss

__all__ = ["KnowledgeDistillationTrainer", "DistillationCrossEntropyLoss", "DistillationKLDivLoss"]
