"""part of positive project [LG016]: the social recommenders' package, re-exporting DiffNet."""
# Source: RUCAIBox/RecBole-GNN at 7cbf7547 (the parent of aa5e2f5c), recbole_graph/model/social_recommender/__init__.py; re-typed, the other models' imports cut.
from recbole_graph.model.social_recommender.diffnet import DiffNet
