"""part of look-alike project [LG001]: the package marker."""

# Source: calmiLovesAI/Image_Classification.pytorch@82cd16b308 core/__init__.py (the fix commit; cut, renamed)
