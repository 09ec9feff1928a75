"""part of positive project [LG016]: package marker."""
# Source: sshaoshuai/PointRCNN at 1d0dee91 (read as is), tools/train_utils/__init__.py (empty).
