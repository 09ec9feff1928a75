"""part of positive project [LG001, LG006, LG011]: networks package."""
# Source: https://github.com/IBM/dstc7-noesis noesis/networks/__init__.py at b0f2d6009b1e4519509843267e5fb3091242a879.
