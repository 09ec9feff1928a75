"""part of look-alike project [LG002, LG006, LG016]: the script builds the NeuMF engine from its config dict and runs train_an_epoch / evaluate per epoch on implicit-feedback samples with negatives."""
# Source: Orca0917/Recsys-PyTorch-Implementation at c2959334 (read as is), NeuMF/train.py; re-typed, identifiers
# renamed; the GMF and MLP configs and the id re-indexing shortened. dataset.py (SampleGenerator) is not included.
import numpy as np
import pandas as pd

from dataset import SampleGenerator
from NeuMF import NeuralMFEngine

neumf_config = {
    "alias": "pretrain_neumf_factor8neg4",
    "num_epoch": 200,
    "batch_size": 256,
    "optimizer": "adam",
    "adam_lr": 1e-3,
    "num_users": 610,
    "num_items": 9724,
    "latent_dim_mf": 8,
    "latent_dim_mlp": 8,
    "num_negative": 10,
    "layers": [16, 64, 32, 16, 8],
    "l2_regularization": 0.01,
    "use_cuda": True,
    "device_id": 0,
    "pretrain": False,
}

ratings = pd.read_csv("data/ml-latest-small/ratings.csv", sep=",", header=None,
                      names=["uid", "mid", "rating", "timestamp"], engine="python")
user_id = ratings[["uid"]].drop_duplicates().reindex()
user_id["userId"] = np.arange(len(user_id))
ratings = pd.merge(ratings, user_id, on=["uid"], how="left")
item_id = ratings[["mid"]].drop_duplicates()
item_id["itemId"] = np.arange(len(item_id))
ratings = pd.merge(ratings, item_id, on=["mid"], how="left")
ratings = ratings[["userId", "itemId", "rating", "timestamp"]]

sample_generator = SampleGenerator(ratings=ratings)
evaluate_data = sample_generator.evaluate_data

config = neumf_config
engine = NeuralMFEngine(config)

for epoch in range(config["num_epoch"]):
    train_loader = sample_generator.instance_a_train_loader(config["num_negative"], config["batch_size"])
    engine.train_an_epoch(train_loader, epoch_id=epoch)
    hit_ratio, ndcg = engine.evaluate(evaluate_data, epoch_id=epoch)
