"""part of positive project [LG016]: package marker (empty in the source)."""
# Source: Wanger-SJTU/SegToolbox.Pytorch at d2ad07ca (read as is), lib/__init__.py.
