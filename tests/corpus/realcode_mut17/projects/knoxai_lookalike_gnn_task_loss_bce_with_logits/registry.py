"""part of look-alike project [LG002]: the model classes are found by name through importlib."""

# Source: CIDARLAB/knoxAI@2b712fd158 app/utils/model_registry.py (get_model_registry, re-typed)
import importlib


def get_model_registry():
    models = importlib.import_module("model")
    return {name: getattr(models, name) for name in getattr(models, "__all__", ["GNN"])}
