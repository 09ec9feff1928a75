"""part of look-alike project [LG006]: the networks package re-exports the losses with a star import."""
# Source: NVlabs/SPADE@fecacc920c1367a038995c45a39c15f6521ca64f models/networks/__init__.py; reduced to the loss import.
from models.networks.loss import *
