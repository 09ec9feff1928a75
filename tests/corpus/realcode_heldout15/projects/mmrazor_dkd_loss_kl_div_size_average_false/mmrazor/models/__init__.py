"""part of positive project [LG010]: package marker."""
