"""part of positive project [LG008]: package marker."""
