"""part of look-alike project [LG006, LG008, LG009]: the package root exposes the engine builders."""
# Source: wangguanan/light-reid at 97c6b2d1 (read as is; issue #24 quotes KLLoss and asks where it comes from),
# lightreid/__init__.py; re-typed.
from .engine import Engine
