"""part of positive project [LG005, LG016]: package marker."""
