"""part of positive project [LG003]: the package re-exports the dataset, the VGG perceptual loss, both networks and the utilities train.py imports by name."""
# Source: Lornatang/RFB_ESRGAN-PyTorch at 832abf77 (read as is), rfb_esrgan_pytorch/__init__.py; re-typed; the
# exports train.py does not use cut. dataset.py, loss.py and utils.py are not included.
from .dataset import DatasetFromFolder
from .loss import VGG34Loss
from .model import Discriminator
from .model import Generator
from .utils import init_torch_seeds
from .utils import load_checkpoint
from .utils import select_device

__all__ = ["DatasetFromFolder", "VGG34Loss", "Discriminator", "Generator", "init_torch_seeds", "load_checkpoint",
           "select_device"]
