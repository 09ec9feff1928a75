"""part of look-alike project [LG006]: package marker."""
