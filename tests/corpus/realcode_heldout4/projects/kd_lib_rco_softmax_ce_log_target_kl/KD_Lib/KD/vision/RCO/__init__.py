"""part of positive project [LG001, LG006, LG008, LG009]: re-exports RCO."""
# Source: https://github.com/SforAiDl/KD_Lib KD_Lib/KD/vision/RCO/__init__.py at a94d236050e81965d7e0c03d7dee3b63e67b675a
from .rco import RCO
