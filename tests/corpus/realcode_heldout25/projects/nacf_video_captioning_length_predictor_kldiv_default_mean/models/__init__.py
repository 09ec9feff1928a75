"""part of positive project [LG009]: package marker (empty in the source)."""
# Source: ybCliff/VideoCaptioning at 93fc3b09 (read as is; non-autoregressive video captioning), models/__init__.py.
