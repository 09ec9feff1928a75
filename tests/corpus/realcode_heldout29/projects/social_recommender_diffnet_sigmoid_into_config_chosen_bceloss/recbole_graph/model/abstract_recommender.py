"""part of positive project [LG016]: the abstract social recommender DiffNet derives from; RecBole's GeneralRecommender (a library class) supplies n_users, n_items, USER_ID, ITEM_ID and device."""
# Source: RUCAIBox/RecBole-GNN at 7cbf7547 (the parent of aa5e2f5c), recbole_graph/model/abstract_recommender.py; re-typed, identifiers as in the source (a class hierarchy
# the library's trainer dispatches on).
from recbole.model.abstract_recommender import GeneralRecommender
from recbole.utils import ModelType as RecBoleModelType

from recbole_graph.utils import ModelType


class GeneralGraphRecommender(GeneralRecommender):
    type = RecBoleModelType.GENERAL

    def __init__(self, config, dataset):
        super(GeneralGraphRecommender, self).__init__(config, dataset)
        self.edge_index, self.edge_weight = dataset.get_norm_adj_mat()
        self.edge_index, self.edge_weight = self.edge_index.to(self.device), self.edge_weight.to(self.device)


class SocialRecommender(GeneralRecommender):
    type = ModelType.SOCIAL

    def __init__(self, config, dataset):
        super(SocialRecommender, self).__init__(config, dataset)
