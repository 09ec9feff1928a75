"""part of look-alike project [LG001, LG007]: package marker."""
