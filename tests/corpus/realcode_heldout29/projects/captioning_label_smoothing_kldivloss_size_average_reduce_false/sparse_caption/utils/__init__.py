"""part of positive project [LG010]: the utilities' package marker."""
# Source: jiahuei/sparse-image-captioning at 0429b4f8, sparse_caption/utils/__init__.py; re-typed, its contents (a header) cut.
