"""part of positive project [LG001]: package marker."""
