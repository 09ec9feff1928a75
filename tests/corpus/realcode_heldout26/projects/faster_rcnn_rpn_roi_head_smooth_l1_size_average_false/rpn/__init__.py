"""part of positive project [LG010]: the rpn package."""
# Source: potterhsu/easy-faster-rcnn.pytorch at 7a7ffc21 (the parent of 9fc2ecd5 "Migrate to PyTorch 0.4.1", which
# replaces size_average=False with reduction='sum'), rpn/__init__.py (empty).
