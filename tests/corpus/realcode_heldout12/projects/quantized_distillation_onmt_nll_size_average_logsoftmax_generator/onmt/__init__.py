"""part of positive project [LG010, LG011]: package marker of the bundled OpenNMT (its re-exports left out)."""
# Source: antspy/quantized_distillation@bb500b7ae48a3f6751d6434126de9845b58d2d65 onmt/__init__.py (re-typed; the module imports left out)
