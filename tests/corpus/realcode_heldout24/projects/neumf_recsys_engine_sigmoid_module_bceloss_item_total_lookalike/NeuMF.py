"""part of look-alike project [LG002, LG006, LG016]: NeuMF (GMF and MLP towers concatenated) ends in an affine layer and a torch.nn.Sigmoid module applied inside forward: a probability per user-item pair. The engine subclass builds the model before the base class sets up optimizer and criterion."""
# Source: Orca0917/Recsys-PyTorch-Implementation at c2959334 (read as is), NeuMF/NeuMF.py; re-typed, identifiers
# renamed; load_pretrain_weights (copying GMF and MLP weights) cut.
import torch

from engine import RecEngine
from util import use_cuda


class NeuralMF(torch.nn.Module):
    def __init__(self, config):
        super(NeuralMF, self).__init__()
        self.config = config
        self.num_users = config["num_users"]
        self.num_items = config["num_items"]
        self.dim_mf = config["latent_dim_mf"]
        self.dim_mlp = config["latent_dim_mlp"]

        self.user_emb_mlp = torch.nn.Embedding(num_embeddings=self.num_users, embedding_dim=self.dim_mlp)
        self.item_emb_mlp = torch.nn.Embedding(num_embeddings=self.num_items, embedding_dim=self.dim_mlp)
        self.user_emb_mf = torch.nn.Embedding(num_embeddings=self.num_users, embedding_dim=self.dim_mf)
        self.item_emb_mf = torch.nn.Embedding(num_embeddings=self.num_items, embedding_dim=self.dim_mf)

        self.fc_layers = torch.nn.ModuleList()
        for idx, (in_size, out_size) in enumerate(zip(config["layers"][:-1], config["layers"][1:])):
            self.fc_layers.append(torch.nn.Linear(in_size, out_size))

        self.affine_output = torch.nn.Linear(in_features=config["layers"][-1] + config["latent_dim_mf"], out_features=1)
        self.logistic = torch.nn.Sigmoid()

    def forward(self, user_indices, item_indices):
        u_mlp = self.user_emb_mlp(user_indices)
        i_mlp = self.item_emb_mlp(item_indices)
        u_mf = self.user_emb_mf(user_indices)
        i_mf = self.item_emb_mf(item_indices)

        mlp_vector = torch.cat([u_mlp, i_mlp], dim=-1)
        mf_vector = torch.mul(u_mf, i_mf)

        for idx, _ in enumerate(range(len(self.fc_layers))):
            mlp_vector = self.fc_layers[idx](mlp_vector)
            mlp_vector = torch.nn.ReLU()(mlp_vector)

        vector = torch.cat([mlp_vector, mf_vector], dim=-1)
        logits = self.affine_output(vector)
        rating = self.logistic(logits)
        return rating


class NeuralMFEngine(RecEngine):
    def __init__(self, config):
        self.model = NeuralMF(config)
        if config["use_cuda"] is True:
            use_cuda(True, config["device_id"])
            self.model.cuda()
        super(NeuralMFEngine, self).__init__(config)
        print(self.model)
