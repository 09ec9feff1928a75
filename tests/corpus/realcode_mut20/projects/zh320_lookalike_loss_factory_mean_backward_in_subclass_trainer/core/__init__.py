"""part of look-alike project [LG015]: the trainer package."""
