"""part of look-alike project [LG002, LG004, LG016]: package marker."""
# Source: GajuuzZ/Human-Falling-Detect-Tracks@7ed2faa4d6147dfd576f58869b6c25545208af35 (the folder has no __init__.py in the source; added so the star import resolves as a package)
