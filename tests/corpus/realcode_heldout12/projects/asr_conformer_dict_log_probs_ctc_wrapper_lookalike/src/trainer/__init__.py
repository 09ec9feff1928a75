"""part of look-alike project [LG006, LG012, LG014]: re-exports the trainer."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 src/trainer/__init__.py (re-typed; the inferencer export left out)
from src.trainer.trainer import ASRTrainer
