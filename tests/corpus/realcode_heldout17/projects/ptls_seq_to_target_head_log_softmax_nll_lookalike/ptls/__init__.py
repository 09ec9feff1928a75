"""part of look-alike project [LG007, LG001, LG011]: package root of the event-sequence library."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/__init__.py; reduced to the marker.
