"""part of positive project [LG001, LG011]: the package marker."""

# Source: hoel-bagard/image_classification_pytorch@088ab43cb5 src/utils/__init__.py, fixed in e97c8f4448 (cut, renamed)
