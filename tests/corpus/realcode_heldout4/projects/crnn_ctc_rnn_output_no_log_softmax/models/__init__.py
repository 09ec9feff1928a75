"""part of positive project [LG012]: package marker."""
# Source: https://github.com/Holmeyoung/crnn-pytorch models/__init__.py at 98eb83f4f653576f97aea97eb0bdd6fff4d5a15c (empty).
