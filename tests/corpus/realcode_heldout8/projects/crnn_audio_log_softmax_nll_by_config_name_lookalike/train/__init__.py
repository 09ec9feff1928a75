"""part of look-alike project [LG007, LG006, LG001]: train/__init__.py of crnn-audio-classification (models end in F.log_softmax(dim=1); loss and model are chosen by name with getattr)."""
# Source: ksanjeevan/crnn-audio-classification@f09449b87ed61d28b82931c7055d033a7b69160b train/__init__.py (read as is)
from train.trainer import *
