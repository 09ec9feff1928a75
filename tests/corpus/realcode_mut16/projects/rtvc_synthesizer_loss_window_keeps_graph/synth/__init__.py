"""part of positive project [LG006]: the synthesizer package."""
