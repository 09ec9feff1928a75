"""part of positive project [LG011]: the utils package."""
# Source: VisionLearningGroup/DANCE at 6d84da24 (read as is), utils/__init__.py; re-typed (empty in the source).
