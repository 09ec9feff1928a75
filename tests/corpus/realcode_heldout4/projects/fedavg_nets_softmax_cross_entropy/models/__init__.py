"""part of positive project [LG001]: package marker."""
# Source: https://github.com/shaoxiongji/federated-learning models/__init__.py at 3142750192f607e77024895ca76014e99f362989 (empty).
