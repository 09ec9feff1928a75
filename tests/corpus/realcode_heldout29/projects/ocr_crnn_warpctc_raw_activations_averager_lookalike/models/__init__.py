"""part of look-alike project [LG006, LG012, LG014]: the package marker of the CRNN models."""
# Source: xiaofengShi/CHINESE-OCR at 46395d14, train/pytorch-train/models/__init__.py; re-typed (empty in the source).
