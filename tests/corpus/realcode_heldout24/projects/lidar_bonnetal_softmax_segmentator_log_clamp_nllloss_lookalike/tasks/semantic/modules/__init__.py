"""part of look-alike project [LG001, LG006, LG007, LG015]: package marker."""
# Source: PRBonn/lidar-bonnetal at 99b827f0 (read as is), train/tasks/semantic/modules/__init__.py (empty).
