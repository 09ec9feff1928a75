"""part of positive project [LG001]: the models package."""
