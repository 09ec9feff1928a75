"""part of look-alike project [LG006, LG007, LG014]: package marker."""
