"""part of look-alike project [LG007, LG001, LG006]: bert_pytorch/model/__init__.py of BERT-pytorch (the language-model heads end in nn.LogSoftmax(dim=-1))."""
# Source: codertimo/BERT-pytorch@d10dc4f9d5a6f2ca74380f62039526eb7277c671 bert_pytorch/model/__init__.py (read as is; the parent of the 3a0d593 refactor)
from .bert import BERT
from .language_model import BERTLM
