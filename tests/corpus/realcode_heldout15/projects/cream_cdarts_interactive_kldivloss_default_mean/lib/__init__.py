"""part of positive project [LG009]: package marker."""
