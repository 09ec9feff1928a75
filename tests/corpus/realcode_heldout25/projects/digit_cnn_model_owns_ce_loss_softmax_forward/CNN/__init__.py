"""part of positive project [LG001]: package marker of the digit-recognition CNN (empty in the source too)."""
# Source: imhgchoi/pytorch-implementations at e6add999 (read as is); the package has no __init__.py in the source
# (imported as a namespace package), added here so the folder imports.
