"""part of look-alike project [LG001, LG008, LG009]: the hinton package re-exports the distillation criterion."""
# Source: gitE0Z9/pytorch-implementations at 42a1ed0a ("fix: hinton kd loss"; its parent a7c3441f gave the raw teacher logits divided by T as the target, which no rule describes), torchlake/knowledge_distillation/models/hinton/__init__.py.
from .loss import HintonKDLoss

__all__ = [
    "HintonKDLoss",
]
