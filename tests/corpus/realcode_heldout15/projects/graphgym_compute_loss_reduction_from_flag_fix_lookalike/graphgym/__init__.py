"""part of look-alike project [LG010, LG004, LG007, LG016]: package marker."""
