"""part of look-alike project [LG003, LG016, LG006]: the models package re-exports DGI and LogReg."""
# Source: PetarV-/DGI@61baf67d7052905c77bdeb28c22926f04e182362 models/__init__.py
from .dgi import DGI
from .logreg import LogReg
