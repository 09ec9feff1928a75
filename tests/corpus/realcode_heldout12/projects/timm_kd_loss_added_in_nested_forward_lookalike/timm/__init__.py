"""part of look-alike project [LG006, LG008, LG009, LG014]: package marker."""
# Source: huggingface/pytorch-image-models@60e8022f4a811d8a5616dbb0b7c88059265ce605 timm/__init__.py (re-typed; the version and model exports left out)
