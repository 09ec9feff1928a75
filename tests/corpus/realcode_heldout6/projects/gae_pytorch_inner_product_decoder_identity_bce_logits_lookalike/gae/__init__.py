"""part of look-alike project [LG003, LG016]: the package."""
# Source: zfjsail/gae-pytorch@c0b95cac8eb2928d0b5d6d65fee938fe97f60262 gae/__init__.py



