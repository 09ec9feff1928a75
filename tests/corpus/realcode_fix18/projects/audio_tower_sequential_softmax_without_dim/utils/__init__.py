"""part of positive project [LG001, LG011]: the utilities package."""
