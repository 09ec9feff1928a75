"""part of look-alike project [LG001, LG011]: empty package marker of the SGAN models folder."""
# Source: progradeep/gan-pytorch at 6b160b93, SGAN/models/__init__.py.
