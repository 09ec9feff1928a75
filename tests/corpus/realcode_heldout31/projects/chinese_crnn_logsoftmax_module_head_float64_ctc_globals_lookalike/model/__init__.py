"""part of look-alike project [LG006, LG012, LG014]: package marker of model/ (empty in the source)."""
# Source: lvliguoren/crnn-pytorch at dfb4613fafe718bba9a831f64540f4d5765a026b model/__init__.py (empty file, kept)
