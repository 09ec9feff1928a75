"""part of look-alike project [LG012, LG006, LG014]: the models package (an empty file in the source)."""
# Source: meijieru/crnn.pytorch@3cc7904c5ba20b18fcdc2d02ac2b24a9be9eafaf models/__init__.py
