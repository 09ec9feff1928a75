"""part of positive project [LG006]: package marker."""
