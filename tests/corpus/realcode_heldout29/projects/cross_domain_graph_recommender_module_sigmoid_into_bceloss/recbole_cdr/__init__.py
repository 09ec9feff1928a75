"""part of positive project [LG016]: the package marker."""
# Source: RUCAIBox/RecBole-CDR at d339918e, recbole_cdr/__init__.py; re-typed (the version string cut).
