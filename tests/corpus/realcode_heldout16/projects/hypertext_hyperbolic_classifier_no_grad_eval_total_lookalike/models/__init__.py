"""part of look-alike project [LG006, LG014, LG001]: package marker."""
