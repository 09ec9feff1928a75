"""part of look-alike project [LG002, LG016]: the social recommenders' package, re-exporting DiffNet."""
# Source: RUCAIBox/RecBole-GNN at aa5e2f5c ("FIX: remove BCE loss in DiffNet and modify results"), recbole_graph/model/social_recommender/__init__.py; re-typed, the other models' imports cut.
from recbole_graph.model.social_recommender.diffnet import DiffNet
