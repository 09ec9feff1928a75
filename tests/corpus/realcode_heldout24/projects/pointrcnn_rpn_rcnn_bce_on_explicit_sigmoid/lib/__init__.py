"""part of positive project [LG016]: package marker."""
# Source: sshaoshuai/PointRCNN at 1d0dee91 (read as is), lib/__init__.py (empty).
