"""part of look-alike project [LG002, LG004, LG005, LG006]: the trainer package marker (added: the source imports trainer.fine_tuning as a namespace package)."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, (no trainer/__init__.py in the source).
