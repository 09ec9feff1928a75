"""part of look-alike project [LG003, LG002, LG004, LG005]: the models package re-exports the generator and the discriminator."""
# Source: eungbean/DCGAN-pytorch-lightning-comet at 414cbd5e (read as is), net/models/__init__.py.
from .generator import Generator
from .discriminator import Discriminator
