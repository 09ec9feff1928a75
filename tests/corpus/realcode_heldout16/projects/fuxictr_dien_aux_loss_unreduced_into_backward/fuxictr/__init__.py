"""part of positive project [LG015]: package marker."""
