"""part of positive project [LG007]: package marker."""
