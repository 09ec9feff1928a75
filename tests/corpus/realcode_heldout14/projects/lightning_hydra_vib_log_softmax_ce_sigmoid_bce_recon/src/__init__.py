"""part of positive project [LG001, LG016]: package marker."""
