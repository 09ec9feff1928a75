"""part of positive project [LG001, LG011]: empty package marker of the SGAN models folder."""
# Source: progradeep/gan-pytorch at 18c9b8a4 (the parent of 6b160b93, "Changes to SGAN"), SGAN/models/__init__.py.
