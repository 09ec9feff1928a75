"""part of positive project [LG004, LG010]: package marker."""
