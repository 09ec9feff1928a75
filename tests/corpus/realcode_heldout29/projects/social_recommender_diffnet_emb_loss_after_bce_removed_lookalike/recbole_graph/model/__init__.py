"""part of look-alike project [LG002, LG016]: the package marker."""
# Source: RUCAIBox/RecBole-GNN at aa5e2f5c ("FIX: remove BCE loss in DiffNet and modify results"), recbole_graph/model/; a package marker this re-typing adds (a namespace package in the source).
