"""part of positive project [LG001]: the models package marker; the trainer imports models.acgan directly."""
# Source: ChenKaiXuSan/ACGAN-PyTorch at 299e174e (read as is), models/__init__.py (empty in the source).
