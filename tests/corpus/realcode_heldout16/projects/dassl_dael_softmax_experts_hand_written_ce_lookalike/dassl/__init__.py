"""part of look-alike project [LG001, LG006, LG014]: package marker."""
