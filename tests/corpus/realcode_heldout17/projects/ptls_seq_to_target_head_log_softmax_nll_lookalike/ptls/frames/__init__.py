"""part of look-alike project [LG007, LG001, LG011]: the frames package."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/frames/__init__.py; reduced to the marker.
