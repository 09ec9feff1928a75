"""part of positive project [LG014]: package marker."""
