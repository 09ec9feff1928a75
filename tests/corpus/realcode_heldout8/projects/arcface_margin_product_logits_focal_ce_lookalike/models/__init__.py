"""part of look-alike project [LG001, LG013]: models/__init__.py of arcface-pytorch."""
# Source: ronghuaiyang/arcface-pytorch@47ace80b128042cd8d2efd408f55c5a3e156b032 models/__init__.py (read as is)
from resnet import *
from metrics import *
from focal_loss import *
