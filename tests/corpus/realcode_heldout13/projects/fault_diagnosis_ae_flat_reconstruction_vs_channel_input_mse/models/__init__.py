"""part of positive project [LG005]: the models package exposes each autoencoder module by name for getattr."""
# Source: ZhaoZhibin/DL-based-Intelligent-Diagnosis-Benchmark@dd49b077984d15802681a9be723937342d6b59e3 models/__init__.py (read as is; cut to the autoencoder modules)
import models.Ae1d as Ae1d
import models.Dae1d as Dae1d
