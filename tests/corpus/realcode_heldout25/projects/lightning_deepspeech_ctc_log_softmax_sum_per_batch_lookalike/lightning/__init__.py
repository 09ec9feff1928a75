"""part of look-alike project [LG006, LG011, LG012, LG015]: package marker (empty in the source)."""
# Source: dertilo/speech-recognition at 32dfd0a0 (read as is), deepspeech_asr/lightning/__init__.py.
