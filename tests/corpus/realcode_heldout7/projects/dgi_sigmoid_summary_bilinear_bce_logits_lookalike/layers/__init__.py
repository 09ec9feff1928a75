"""part of look-alike project [LG003, LG016, LG006]: the layers package re-exports GCN, AvgReadout and Discriminator."""
# Source: PetarV-/DGI@61baf67d7052905c77bdeb28c22926f04e182362 layers/__init__.py
from .gcn import GCN
from .readout import AvgReadout
from .discriminator import Discriminator
