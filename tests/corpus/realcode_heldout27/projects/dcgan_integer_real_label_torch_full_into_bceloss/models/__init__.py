"""part of positive project [LG004]: the models package marker (added: the source imports models.Discriminator as a namespace package)."""
# Source: iArunava/DCGAN at 159c4122, (no models/__init__.py in the source).
