"""part of look-alike project [LG001, LG003, LG006, LG014, LG017]: the models package."""
# Source: mesnico/pytorch-retinanet at 13a4465e (read as is; the relationship and attribute heads this fork adds for the
# OpenImages 2019 challenge), models/__init__.py (empty).
