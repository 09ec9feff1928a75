"""part of look-alike project [LG002, LG004, LG005, LG006]: the models package re-exports the lip-sync expert (the generator's modules are cut)."""
# Source: Rudrabha/Wav2Lip at 5c90fa9b, models/__init__.py; re-typed; the Wav2Lip generator import cut.
from .syncnet import SyncNet_color
