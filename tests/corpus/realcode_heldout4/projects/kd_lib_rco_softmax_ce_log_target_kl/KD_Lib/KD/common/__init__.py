"""part of positive project [LG001, LG006, LG008, LG009]: re-exports the distillation base class."""
# Source: https://github.com/SforAiDl/KD_Lib KD_Lib/KD/common/__init__.py at a94d236050e81965d7e0c03d7dee3b63e67b675a
from .base_class import BaseClass
