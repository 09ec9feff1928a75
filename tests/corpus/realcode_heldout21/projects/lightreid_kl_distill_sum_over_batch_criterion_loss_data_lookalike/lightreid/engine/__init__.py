"""part of look-alike project [LG006, LG008, LG009]: the engine package marker."""
# Source: wangguanan/light-reid at 97c6b2d1 (read as is; issue #24 quotes KLLoss and asks where it comes from),
# lightreid/engine/__init__.py; re-typed; the registry and inference imports cut.
from .engine import Engine
