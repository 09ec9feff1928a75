"""part of look-alike project [LG003, LG006, LG014]: package marker."""
# Source: https://github.com/argusswift/YOLOv4-pytorch at d34aaab4d03eb0f0121c97b951e2c9baa330794f; empty.
