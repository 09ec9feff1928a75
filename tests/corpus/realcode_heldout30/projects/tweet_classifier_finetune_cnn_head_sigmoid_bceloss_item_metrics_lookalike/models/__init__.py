"""part of look-alike project [LG002, LG004, LG005, LG006]: the models package marker (added: the source imports models.tweet_disaster_model as a namespace package)."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, (no models/__init__.py in the source).
