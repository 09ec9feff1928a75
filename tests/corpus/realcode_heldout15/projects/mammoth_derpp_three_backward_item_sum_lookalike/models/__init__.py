"""part of look-alike project [LG006, LG014, LG005]: package marker."""
