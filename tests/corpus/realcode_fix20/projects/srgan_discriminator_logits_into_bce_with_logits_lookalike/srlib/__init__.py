"""part of look-alike project [LG002]: the package exports its discriminator."""

# Source: Lornatang/SSRGAN-PyTorch@b05feccbb6 ssrgan_pytorch/__init__.py (the fix commit; cut, renamed)
from .model import VGGStyleDiscriminator  # noqa: F401
