"""part of look-alike project [LG012, LG015, LG005, LG006]: package marker."""
