"""part of positive project [LG014]: the speaker encoder package."""
