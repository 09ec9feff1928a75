"""part of look-alike project [LG006, LG012, LG014]: re-exports the CTC criterion (hydra instantiates it by its dotted path)."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 src/loss/__init__.py (re-typed)
from src.loss.ctc_loss import BatchCTCLoss
