"""part of look-alike project [LG012, LG006]: package marker."""
# Source: https://github.com/Holmeyoung/crnn-pytorch models/__init__.py at dc2f21afc14464e57add768956ed5aaa72983a51 (empty).
