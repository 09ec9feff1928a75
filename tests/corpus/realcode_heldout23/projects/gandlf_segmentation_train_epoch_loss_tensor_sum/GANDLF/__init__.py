"""part of positive project [LG006]: the GANDLF package marker (empty in the source at this commit)."""
# Source: mlcommons/GaNDLF at 4bb1ec75 (the parent of 293b08c4, "mem leak fix"), GANDLF/__init__.py (empty at this commit).
