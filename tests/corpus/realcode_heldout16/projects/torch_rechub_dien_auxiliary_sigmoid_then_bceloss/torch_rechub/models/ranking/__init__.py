"""part of positive project [LG016]: package marker."""
