"""part of look-alike project [LG006, LG008, LG009]: package marker."""
