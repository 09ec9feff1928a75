"""part of look-alike project [LG007, LG001, LG011]: package marker."""
