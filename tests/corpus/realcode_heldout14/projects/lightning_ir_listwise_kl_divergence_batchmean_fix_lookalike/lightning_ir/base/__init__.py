"""part of look-alike project [LG008, LG009]: package marker."""
