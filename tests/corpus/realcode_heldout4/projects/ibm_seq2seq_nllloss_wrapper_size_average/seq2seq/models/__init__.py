"""part of positive project [LG010]: re-exports the models."""
# Source: https://github.com/IBM/pytorch-seq2seq seq2seq/models/__init__.py at f146087a9a271e9b50f46561e090324764b081fb
from .DecoderRNN import DecoderRNN
from .EncoderRNN import EncoderRNN
from .seq2seq import Seq2seq
