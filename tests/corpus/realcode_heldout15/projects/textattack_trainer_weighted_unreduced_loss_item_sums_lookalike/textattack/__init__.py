"""part of look-alike project [LG006, LG015, LG014]: package marker."""
