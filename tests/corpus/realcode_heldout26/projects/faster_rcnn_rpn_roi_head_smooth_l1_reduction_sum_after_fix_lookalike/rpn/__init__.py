"""part of look-alike project [LG010]: the rpn package."""
# Source: potterhsu/easy-faster-rcnn.pytorch at 9fc2ecd5 ("Migrate to PyTorch 0.4.1", the fix: size_average=False
# becomes reduction='sum'; parent 7a7ffc21), rpn/__init__.py (empty).
