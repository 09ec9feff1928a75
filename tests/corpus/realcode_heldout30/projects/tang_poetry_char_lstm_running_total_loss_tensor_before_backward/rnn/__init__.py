"""part of positive project [LG006]: the rnn package marker (added: the source imports rnn.chinese_poetry_rnn as a namespace package)."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, (no rnn/__init__.py in the source).
