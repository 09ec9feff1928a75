"""part of positive project [LG005]: the src package re-exports the preprocessing, the model and the argument parser."""
# Source: FernandoLpz/Text-Classification-LSTMs-PyTorch@2f8bada8190b76ca9bbe8f0694fb79da2c2a4d46 src/__init__.py (read as is; its issue #9 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at main.py line 89; re-typed)
from .utils import Preprocessing
from .model import TweetClassifier
from .parser import parameter_parser
