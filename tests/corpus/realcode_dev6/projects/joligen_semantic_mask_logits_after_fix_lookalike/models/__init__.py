"""part of look-alike project [LG001]: models are looked up by the name given in the options."""
# Source: jolibrain/joliGEN@2622650abd models/__init__.py (re-typed: the lookup by name only)
import importlib


def create_model(opt, rank):
    module = importlib.import_module("models." + opt.model_type + "_model")
    cls = getattr(module, opt.model_class)
    return cls(opt, rank)
