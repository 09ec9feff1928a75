"""part of look-alike project [LG002, LG004, LG005, LG006]: the dataset package marker (added: the source imports dataset_loader as a namespace package)."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, (no dataset_loader/__init__.py in the source).
