"""part of positive project [LG001, LG013]: package marker."""
