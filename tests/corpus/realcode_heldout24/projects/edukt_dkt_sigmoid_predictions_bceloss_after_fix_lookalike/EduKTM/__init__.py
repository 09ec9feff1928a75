"""part of look-alike project [LG002, LG003, LG004, LG006]: the package re-exports the base class and the DKT model."""
# Source: bigdata-ustc/EduKTM at ac05f9f0 ("[fix] fix DKT loss", the fix for issue #15 "An error in the implementation of DKT!!"; parent f16620e1), EduKTM/__init__.py; cut to KTM and DKT.
from .meta import KTM
from .DKT import DKT
