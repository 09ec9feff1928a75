"""part of look-alike project [LG002, LG016, LG005, LG006]: empty package marker of the DCGAN model folder."""
# Source: HiHaker/learn-DL at 3ea00170 (read as is), implement/GAN/DCGAN/__init__.py.
