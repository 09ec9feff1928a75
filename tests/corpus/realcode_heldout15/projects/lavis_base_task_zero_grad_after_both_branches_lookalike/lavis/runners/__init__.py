"""part of look-alike project [LG014, LG006]: package marker."""
