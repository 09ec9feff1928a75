"""part of positive project [LG006]: the package marker (empty in the source)."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, rnn/chinese_poetry_rnn/__init__.py.
