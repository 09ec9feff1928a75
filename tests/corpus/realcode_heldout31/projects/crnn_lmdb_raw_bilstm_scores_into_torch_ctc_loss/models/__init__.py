"""part of positive project [LG012]: package marker standing for the source's implicit namespace package models/ (added, not in the source)."""
# Source: duyddwcs/crnn-pytorch at 702799b76f3f6a4d893159339c357b3be60f630c models/ (no __init__.py there)
