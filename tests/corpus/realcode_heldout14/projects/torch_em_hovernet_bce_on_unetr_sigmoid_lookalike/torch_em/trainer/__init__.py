"""part of look-alike project [LG002, LG003, LG016]: package marker."""
