"""part of positive project [LG007]: the utils package re-exports its helpers."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9, src/pytorch_ood/utils/__init__.py; re-typed.
from .utils import *
