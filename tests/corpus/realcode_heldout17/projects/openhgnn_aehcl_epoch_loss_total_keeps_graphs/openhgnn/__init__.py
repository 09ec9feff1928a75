"""part of positive project [LG006]: package root of the heterogeneous-graph toolkit's abnormal-event detection flow."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is), openhgnn/__init__.py; re-typed, reduced to the package marker.
