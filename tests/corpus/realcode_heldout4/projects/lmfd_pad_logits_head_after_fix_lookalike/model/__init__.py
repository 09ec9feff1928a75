"""part of look-alike project [LG003, LG016]: package marker."""
# Source: https://github.com/meilfang/LMFD-PAD model/__init__.py at ba1ab8da43b548b8cb58bfaacd95b7c6a2e626b3 (empty).
