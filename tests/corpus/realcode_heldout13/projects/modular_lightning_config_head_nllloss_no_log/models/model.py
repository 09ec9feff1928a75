"""part of positive project [LG007]: the models registry module, read with getattr by the model's ID."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf models/model.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is)
from .vision.classification import ClassificationModel  # noqa E403
