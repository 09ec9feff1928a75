"""part of look-alike project [LG006, LG014]: the GANDLF package marker (empty in the source at this commit)."""
# Source: mlcommons/GaNDLF at 293b08c4 ("mem leak fix", the fix), GANDLF/__init__.py (empty at this commit).
