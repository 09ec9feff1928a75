"""part of look-alike project [LG003, LG016, LG017, LG018]: a package marker (the source's file only re-exports names or is empty)."""
# Source: simon-donike/SISR-RS-SRGAN at b098ea1a, opensr_srgan/model/discriminators/__init__.py; re-typed (its re-exports cut).
