"""part of positive project [LG001, LG006]: package marker."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), models/__init__.py (empty).
