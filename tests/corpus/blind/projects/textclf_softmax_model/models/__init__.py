"""part of positive project [LG001, LG006]: package re-export of the text classifier whose forward ends in nn.Softmax."""
from .textrnn import TextRNN

__all__ = ["TextRNN"]
