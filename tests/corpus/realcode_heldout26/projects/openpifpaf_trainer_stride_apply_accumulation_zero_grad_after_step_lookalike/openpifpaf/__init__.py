"""part of look-alike project [LG006, LG014, LG017]: the package."""
# Source: openpifpaf/openpifpaf at fe27168e (read as is; issue #123 asks about the order backward, step, zero_grad), openpifpaf/__init__.py (version only).
