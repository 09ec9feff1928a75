"""part of positive project [LG005]: package marker."""
# Source: https://github.com/ZhaoZhibin/UDTL utils/__init__.py at ca5d802a864a29fa4ba68ed01834f00f3b13085b
