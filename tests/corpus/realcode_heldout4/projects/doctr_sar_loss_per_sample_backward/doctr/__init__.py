"""part of positive project [LG015]: package marker."""
# Source: https://github.com/mindee/doctr doctr/__init__.py at 7e83e50808e4a520fc4fa3bdea3a2831bfcbdc06 (reduced to nothing).
