"""part of look-alike project [LG003, LG013, LG014, LG015, LG017]: the models package marker (the source's models/ has no __init__.py; train.py imports models.build and models.matcher)."""
# Source: yjh0410/pytorch_yolov1 at ce1d764e, (no models/__init__.py in the source).
