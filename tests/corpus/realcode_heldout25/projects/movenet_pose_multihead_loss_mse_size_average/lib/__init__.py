"""part of positive project [LG010]: package marker (empty in the source)."""
# Source: fire717/movenet.pytorch at f7391969 (read as is), lib/__init__.py.
