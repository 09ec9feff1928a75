"""part of look-alike project [LG012, LG014, LG006]: package marker."""
