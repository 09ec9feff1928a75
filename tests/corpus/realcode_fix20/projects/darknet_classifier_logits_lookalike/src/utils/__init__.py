"""part of look-alike project [LG001, LG011]: the package marker."""

# Source: hoel-bagard/image_classification_pytorch@e97c8f4448 src/utils/__init__.py (the fix commit; cut, renamed)
