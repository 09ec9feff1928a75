"""part of positive project [LG007]: the trainers registry module, read with getattr by the training config's ID."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf lightning/trainers.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is)
from .vision.classification import ClassificationTrainer  # noqa E403
