"""part of look-alike project [LG006]: the synthesizer package."""
