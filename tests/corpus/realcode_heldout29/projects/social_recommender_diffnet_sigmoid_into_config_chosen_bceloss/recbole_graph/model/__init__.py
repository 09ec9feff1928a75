"""part of positive project [LG016]: the package marker."""
# Source: RUCAIBox/RecBole-GNN at 7cbf7547 (the parent of aa5e2f5c), recbole_graph/model/; a package marker this re-typing adds (a namespace package in the source).
