"""part of look-alike project [LG001, LG014, LG017, LG018]: the networks package."""
# Source: orpatashnik/BalaGAN at a34fba9f (read as is; issue #4 asks why the discriminator is not frozen during the
# generator update), networks/__init__.py (empty).
