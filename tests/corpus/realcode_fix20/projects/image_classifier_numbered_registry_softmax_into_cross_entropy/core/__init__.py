"""part of positive project [LG001]: the package marker."""

# Source: calmiLovesAI/Image_Classification.pytorch@dc5d7e34b9 core/__init__.py, fixed in 82cd16b308 (cut, renamed)
