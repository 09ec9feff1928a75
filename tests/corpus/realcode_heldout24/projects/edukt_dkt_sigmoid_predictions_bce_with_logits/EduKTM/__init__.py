"""part of positive project [LG003]: the package re-exports the base class and the DKT model."""
# Source: bigdata-ustc/EduKTM at f16620e1 (the parent of ac05f9f0 "[fix] fix DKT loss", which answers issue #15 "An error in the implementation of DKT!!"), EduKTM/__init__.py; cut to KTM and DKT.
from .meta import KTM
from .DKT import DKT
