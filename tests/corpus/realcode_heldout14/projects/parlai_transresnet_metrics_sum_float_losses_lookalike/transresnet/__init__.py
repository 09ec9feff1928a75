"""part of look-alike project [LG006, LG007]: package marker."""
