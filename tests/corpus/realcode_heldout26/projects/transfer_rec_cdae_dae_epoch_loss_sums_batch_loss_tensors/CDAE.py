"""part of positive project [LG006]: the collaborative denoising autoencoder ends its forward in torch.sigmoid and trains one epoch with F.binary_cross_entropy(..., reduction='sum'), adding every batch_loss tensor to the returned epoch loss."""
# Source: khanhnamle1994/transfer-rec at b5e36cb5 (read as is), Autoencoders-Experiments/CDAE-PyTorch/CDAE.py;
# re-typed, identifiers renamed, docstrings and predict() cut.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from BaseModel import BaseModel
from Tools import apply_activation


class CDAE(BaseModel):
    def __init__(self, model_conf, num_users, num_items, device):
        super(CDAE, self).__init__()
        self.hidden_dim = model_conf.hidden_dim
        self.act = model_conf.act
        self.corruption_ratio = model_conf.corruption_ratio
        self.num_users = num_users
        self.num_items = num_items
        self.device = device
        self.user_embedding = nn.Embedding(self.num_users, self.hidden_dim)
        self.encoder = nn.Linear(self.num_items, self.hidden_dim)
        self.decoder = nn.Linear(self.hidden_dim, self.num_items)
        self.to(self.device)

    def forward(self, user_id, rating_matrix):
        user_degree = torch.norm(rating_matrix, 2, 1).view(-1, 1)
        item_degree = torch.norm(rating_matrix, 2, 0).view(1, -1)
        normalize = torch.sqrt(user_degree @ item_degree)
        zero_mask = normalize == 0
        normalize = torch.masked_fill(normalize, zero_mask.bool(), 1e-10)
        normalized = rating_matrix / normalize
        normalized = F.dropout(normalized, self.corruption_ratio, training=self.training)
        enc = self.encoder(normalized) + self.user_embedding(user_id)
        enc = apply_activation(self.act, enc)
        dec = self.decoder(enc)
        return torch.sigmoid(dec)

    def train_one_epoch(self, dataset, optimizer, batch_size, verbose):
        self.train()
        train_matrix = dataset.train_matrix
        num_training = train_matrix.shape[0]
        num_batches = int(np.ceil(num_training / batch_size))
        perm = np.random.permutation(num_training)
        loss = 0.0
        for b in range(num_batches):
            optimizer.zero_grad()
            if (b + 1) * batch_size >= num_training:
                batch_idx = perm[b * batch_size:]
            else:
                batch_idx = perm[b * batch_size: (b + 1) * batch_size]
            batch_matrix = torch.FloatTensor(train_matrix[batch_idx].toarray()).to(self.device)
            batch_idx = torch.LongTensor(batch_idx).to(self.device)
            pred_matrix = self.forward(batch_idx, batch_matrix)
            batch_loss = F.binary_cross_entropy(pred_matrix, batch_matrix, reduction='sum')
            batch_loss.backward()
            optimizer.step()
            loss += batch_loss  # expect: LG006
            if verbose and b % 50 == 0:
                print('(%3d / %3d) loss = %.4f' % (b, num_batches, batch_loss))
        return loss
