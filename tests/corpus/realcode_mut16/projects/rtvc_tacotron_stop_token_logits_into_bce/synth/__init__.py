"""part of positive project [LG002]: the synthesizer package."""
