"""part of look-alike project [LG001, LG006]: package marker."""
# Source: https://github.com/shaoxiongji/federated-learning models/__init__.py at 5ffe3e31cbd52ca3042d6af012b0d5fd55352e4f (empty).
