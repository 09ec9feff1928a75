"""part of look-alike project [LG002]: the models package."""
