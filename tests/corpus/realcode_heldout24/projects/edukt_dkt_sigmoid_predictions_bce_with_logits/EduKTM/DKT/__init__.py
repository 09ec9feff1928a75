"""part of positive project [LG003]: the DKT package re-exports the model."""
# Source: bigdata-ustc/EduKTM at f16620e1 (the parent of ac05f9f0 "[fix] fix DKT loss", which answers issue #15 "An error in the implementation of DKT!!"), EduKTM/DKT/__init__.py.
from .DKT import DKT
