"""part of look-alike project [LG002, LG006, LG016]: package marker."""
