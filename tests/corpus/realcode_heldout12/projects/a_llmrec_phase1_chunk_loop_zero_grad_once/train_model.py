"""part of positive project [LG014]: the stage-1 driver builds the recommender and one Adam optimizer, and per batch calls the model with mode='phase1', handing it the optimizer; the model's method does the backward and the steps."""
# Source: ghdtjr/A-LLMRec@e216bbc3d0c9eec548f2d9667bdeca8019f29af1 train_model.py (read as is; re-typed, identifiers renamed, cut at function boundaries: stage 2, inference and the DDP set-up left out)
import time

import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from models.a_llmrec_model import *
from pre_train.sasrec.utils import data_partition, SeqDataset


def train_stage1(rank, world_size, args):
    model = AlignedRecommender(args).to(args.device)
    data = data_partition(args.rec_pre_trained_data, path=f'./data/amazon/{args.rec_pre_trained_data}.txt')
    [user_train, user_valid, user_test, n_users, n_items] = data
    n_batches = len(user_train) // args.batch_size1
    train_set = SeqDataset(user_train, n_users, n_items, args.maxlen)
    loader = DataLoader(train_set, batch_size=args.batch_size1, pin_memory=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.stage1_lr, betas=(0.9, 0.98))

    model.train()
    t0 = time.time()
    for epoch in tqdm(range(1, args.num_epochs + 1)):
        for step, batch in enumerate(loader):
            users, seqs, pos, neg = batch
            users, seqs, pos, neg = users.numpy(), seqs.numpy(), pos.numpy(), neg.numpy()
            model([users, seqs, pos, neg], optimizer=optimizer,
                  batch_iter=[epoch, args.num_epochs + 1, step, n_batches], mode='phase1')
    print('train time :', time.time() - t0)
