"""A stand-in for torchaudio (not installed; no downloads): LibriSpeech-shaped synthetic speech
(``datasets.LIBRISPEECH``) and ``functional.edit_distance``.

Each utterance is two to four words of a 12-word vocabulary, each character 0.1 s of a tone of its
own frequency (16 kHz, a soft attack, noise), a space 0.05 s of near silence: a transcript a CTC
model can learn from the waveform. ``train-clean-100`` holds LG_EXAMPLES utterances, the other
training parts none, ``test-clean`` 64.
"""

from . import datasets, functional  # noqa: F401
