"""part of positive project [LG006, LG013]: the model package."""
