"""The words of an identifier, as code names things: ``AttnDecoderRNN`` -> attn, decoder, rnn; ``my_model`` -> my,
model; ``resnet50`` -> resnet, 50. Read where a name says what it holds (interp.named_models, interp.unbuilt_models,
rules._snippet_losses)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+")


def words(name: str) -> list[str]:
    """The lower-cased words of ``name``: split at underscores, digits and case changes (a run of capitals is one word,
    ``RNN``; a number is a word of its own)."""
    return [w.lower() for part in name.split("_") for w in _WORD.findall(part)]
