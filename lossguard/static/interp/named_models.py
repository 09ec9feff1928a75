"""(round 32) A model parameter named after one of the file's models.

``def train_pair(src, tgt, encoder, decoder, ...)`` calls ``decoder(dec_input, hidden)`` in a file whose
``EncoderRNN`` and ``DecoderRNN`` both take two arguments: the call fits both, and their outputs agree on
nothing, so the parameter stayed unknown. Code names a parameter after the class it holds; where exactly
one of the models that fit the call has every word of the parameter's name among the words of its class
name (``decoder`` in ``Decoder`` ``RNN``), the parameter holds that model. A name shared by several
(``decoder`` beside ``DecoderRNN`` and ``AttnDecoderRNN``) or by none decides nothing.
"""

from __future__ import annotations

import ast

from lossguard.static.identifier_words import words
from lossguard.static.values import ClassRef


def named_model(models: list[ClassRef], func: ast.expr) -> ClassRef | None:
    """The one model of ``models`` (those whose forward takes the call) named by the callee ``func``
    (``decoder(...)``, ``self.decoder(...)``), or None."""
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name is None or len(models) < 2:
        return None
    said = set(words(name))
    if not said:
        return None
    named = [m for m in models if said <= set(words(m.node.name))]
    return named[0] if len(named) == 1 else None
