"""part of look-alike project [LG001, LG006, LG013, LG015]: package marker."""
# Source: wayveai/fiery at fd03f164 (read as is; issue #2 asks about its uncertainty loss terms), fiery/__init__.py (empty).
