"""part of look-alike project [LG003, LG004, LG015]: package marker."""
