"""part of look-alike project [LG004, LG016, LG002, LG006]: package marker."""
