"""part of positive project [LG002]: the package exports its discriminator."""

# Source: Lornatang/SSRGAN-PyTorch@3a8f4bc4e6 ssrgan_pytorch/__init__.py, fixed in b05feccbb6 (cut, renamed)
from .model import VGGStyleDiscriminator  # noqa: F401
