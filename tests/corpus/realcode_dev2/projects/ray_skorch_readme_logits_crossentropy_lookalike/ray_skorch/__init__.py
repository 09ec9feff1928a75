"""part of look-alike project [LG001]: the package exports its skorch wrapper."""
# Source: Yard1/ray-skorch@5f0181f8fc33a4fb170732af92c89dccb67e1540 ray_skorch/__init__.py (first line of the file)
from .base import RayTrainNeuralNet
