"""part of look-alike project [LG013, LG001, LG006]: package marker."""
# Source: https://github.com/IGNF/FLAIR-1 src/flair/__init__.py at beebed18e2ccfab65dc13c635f039a15fe7c15d5 (empty).
