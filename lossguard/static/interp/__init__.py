"""The abstract interpreter (see :mod:`lossguard.static.interp.core`)."""

from lossguard.static.interp.core import Interpreter
from lossguard.static.interp.frame import Frame

__all__ = ["Frame", "Interpreter"]
