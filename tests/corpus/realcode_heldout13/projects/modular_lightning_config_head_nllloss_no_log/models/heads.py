"""part of positive project [LG007]: the heads registry module, read with getattr by the head's ID from the config."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf models/heads.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is)
from .vision.heads.classification import ClassificationHead  # noqa E403
