"""part of look-alike project [LG002]: the synthesizer package."""
