"""part of positive project [LG011]: the models package."""
# Source: IrvingMeng/MagFace at 99bae614 (read as is), models/__init__.py; re-typed (iresnet is not included).
