"""part of positive project [LG003]: package marker."""
