"""part of look-alike project [LG006, LG012, LG014]: re-exports the acoustic model."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 src/model/__init__.py (re-typed; the Conformer export left out)
from src.model.baseline import FeedForwardASR
