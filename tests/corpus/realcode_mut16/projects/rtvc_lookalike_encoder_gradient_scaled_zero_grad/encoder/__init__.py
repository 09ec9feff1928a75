"""part of look-alike project [LG014]: the speaker encoder package."""
