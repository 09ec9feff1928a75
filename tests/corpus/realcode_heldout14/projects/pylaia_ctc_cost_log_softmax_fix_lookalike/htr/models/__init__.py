"""part of look-alike project [LG012]: re-exports the line recognizer."""
from htr.models.line_crnn import LineCRNN

__all__ = ["LineCRNN"]
