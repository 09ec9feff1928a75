"""part of look-alike project [LG005]: package marker."""
# Source: https://github.com/ZhaoZhibin/UDTL utils/__init__.py at 6eefb28eb7ab142e4ca07b88073df579c5387f23
