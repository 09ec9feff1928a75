"""part of positive project [LG006]: the common package marker (added: the source imports common.trainer as a namespace package)."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, (no common/__init__.py in the source).
