"""part of positive project [LG011]: package marker (empty in the source)."""
# Source: jwyang/fpn.pytorch at 23bd1d2f (read as is), lib/model/fpn/__init__.py.
