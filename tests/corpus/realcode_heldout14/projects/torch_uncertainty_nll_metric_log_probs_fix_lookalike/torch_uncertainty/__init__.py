"""part of look-alike project [LG007]: package marker."""
