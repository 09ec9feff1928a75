"""part of positive project [LG008, LG009]: the losses package."""
# Source: https://github.com/sebastian-hofstaetter/matchmaker matchmaker/losses/__init__.py at 210b9da0c46ee6b672f59ffbf8603e0f75edb2b6; reduced.
