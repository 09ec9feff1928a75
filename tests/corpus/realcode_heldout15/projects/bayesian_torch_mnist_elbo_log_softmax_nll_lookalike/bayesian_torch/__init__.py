"""part of look-alike project [LG007, LG006, LG014]: package marker."""
