"""part of look-alike project [LG006, LG008, LG009, LG014]: re-exports the meters and the distillation helpers."""
# Source: huggingface/pytorch-image-models@60e8022f4a811d8a5616dbb0b7c88059265ce605 timm/utils/__init__.py (re-typed; the other utilities left out)
from .model_kd import TeacherModel, add_kd_loss
