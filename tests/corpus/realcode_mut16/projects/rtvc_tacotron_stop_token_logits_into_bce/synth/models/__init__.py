"""part of positive project [LG002]: the models package."""
