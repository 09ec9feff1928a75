"""part of look-alike project [LG003, LG004, LG006, LG013, LG016]: the models package re-exports the GIN graph classifier (the PNA and SPMotif networks are cut)."""
# Source: Graph-COM/GSAT at 6812f5ca, src/models/__init__.py; re-typed; the PNA and SPMotifNet imports cut.
from .gin import GIN
