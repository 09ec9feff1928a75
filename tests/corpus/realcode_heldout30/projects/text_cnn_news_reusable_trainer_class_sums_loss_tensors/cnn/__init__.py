"""part of positive project [LG006]: the cnn package marker (added: the source imports cnn.text_cnn as a namespace package)."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, (no cnn/__init__.py in the source).
