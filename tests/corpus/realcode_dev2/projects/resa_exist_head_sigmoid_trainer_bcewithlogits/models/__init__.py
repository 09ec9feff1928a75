"""part of positive project [LG003]: package marker."""
# Source: https://github.com/ZJULearning/resa at 2d4e6312673eedd41ace54166686f4f2e70b50a3; empty.
