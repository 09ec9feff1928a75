"""part of look-alike project [LG006, LG007, LG011]: the models package marker."""
# Source: TaSivan/STC-Conditional-SeqGAN-Pytorch at 032dbef6 (read as is), models/__init__.py (empty in the source).
