"""part of look-alike project [LG002, LG003, LG004, LG006]: the DKT package re-exports the model."""
# Source: bigdata-ustc/EduKTM at ac05f9f0 ("[fix] fix DKT loss", the fix for issue #15 "An error in the implementation of DKT!!"; parent f16620e1), EduKTM/DKT/__init__.py.
from .DKT import DKT
