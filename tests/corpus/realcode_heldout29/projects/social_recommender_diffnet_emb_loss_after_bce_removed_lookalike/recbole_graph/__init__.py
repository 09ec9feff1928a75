"""part of look-alike project [LG002, LG016]: the package marker."""
# Source: RUCAIBox/RecBole-GNN at aa5e2f5c ("FIX: remove BCE loss in DiffNet and modify results"), recbole_graph/__init__.py; re-typed (empty).
