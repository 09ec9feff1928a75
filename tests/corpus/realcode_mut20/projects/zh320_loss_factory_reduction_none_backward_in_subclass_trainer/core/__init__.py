"""part of positive project [LG015]: the trainer package."""
