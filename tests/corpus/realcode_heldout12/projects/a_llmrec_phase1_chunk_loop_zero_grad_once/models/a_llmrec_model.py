"""part of positive project [LG014]: stage 1 of the LLM recommender clears the gradients once per batch, then walks the batch in chunks of 60, calling backward() and optimizer.step() on every chunk, so each chunk's step also applies the gradients of the chunks before it."""
# Source: ghdtjr/A-LLMRec@e216bbc3d0c9eec548f2d9667bdeca8019f29af1 models/a_llmrec_model.py (read as is; re-typed, identifiers renamed, cut at method boundaries: stage 2, generation, the text lookups, save/load and the LLM projection layers left out, __init__ shortened)
import pickle

import torch
import torch.nn as nn

from models.recsys_model import *
from sentence_transformers import SentenceTransformer


class TwoLayerProjector(nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.fc1 = nn.Linear(dims, 128)
        self.fc2 = nn.Linear(128, dims)
        self.act = nn.Sigmoid()

    def forward(self, x):
        x = self.fc1(x)
        x = self.act(x)
        recon = self.fc2(x)
        return x, recon


class AlignedRecommender(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.device = args.device
        with open(f'./data/amazon/{args.rec_pre_trained_data}_text_name_dict.json.gz', 'rb') as fh:
            self.text_names = pickle.load(fh)
        self.backbone = RecSys(args.recsys, args.rec_pre_trained_data, self.device)
        self.rec_dim = self.backbone.hidden_units
        self.text_dim = 768
        self.item_proj = TwoLayerProjector(self.rec_dim)
        if args.pretrain_stage1:
            self.text_encoder = SentenceTransformer('nq-distilbert-base-v1')
            self.text_proj = TwoLayerProjector(self.text_dim)
        self.mse = nn.MSELoss()
        self.maxlen = args.maxlen
        self.bce = torch.nn.BCEWithLogitsLoss()

    def forward(self, data, optimizer=None, batch_iter=None, mode='phase1'):
        if mode == 'phase1':
            self.align_stage(data, optimizer, batch_iter)
        if mode == 'phase2':
            self.llm_stage(data, optimizer, batch_iter)

    def align_stage(self, data, optimizer, batch_iter):
        epoch, total_epoch, step, total_step = batch_iter
        self.text_encoder.train()
        optimizer.zero_grad()

        users, seqs, pos, neg = data
        last = [self.maxlen * (k + 1) - 1 for k in range(users.shape[0])]
        with torch.no_grad():
            seq_emb, pos_emb, neg_emb = self.backbone.model(users, seqs, pos, neg, mode='item')
        seq_all = seq_emb[last]
        pos_all = pos_emb[last]
        neg_all = neg_emb[last]
        pos_ids = pos.reshape(pos.size)[last]
        neg_ids = neg.reshape(neg.size)[last]

        start, end = 0, 60
        chunks = 0
        total_sum = 0
        rank_sum = 0
        while start < len(seq_all):
            seq_c = seq_all[start:end]
            pos_c = pos_all[start:end]
            neg_c = neg_all[start:end]
            pos_text = self.item_texts(pos_ids[start:end])
            neg_text = self.item_texts(neg_ids[start:end])
            start = end
            end += 60
            chunks += 1

            pos_tok = self.text_encoder.tokenize(pos_text)
            pos_text_emb = self.text_encoder({'input_ids': pos_tok['input_ids'].to(self.device),
                                              'attention_mask': pos_tok['attention_mask'].to(self.device)})['sentence_embedding']
            neg_tok = self.text_encoder.tokenize(neg_text)
            neg_text_emb = self.text_encoder({'input_ids': neg_tok['input_ids'].to(self.device),
                                              'attention_mask': neg_tok['attention_mask'].to(self.device)})['sentence_embedding']

            pos_match, pos_rec = self.item_proj(pos_c)
            neg_match, neg_rec = self.item_proj(neg_c)
            pos_match_t, pos_rec_t = self.text_proj(pos_text_emb)
            neg_match_t, neg_rec_t = self.text_proj(neg_text_emb)

            pos_logits, neg_logits = (seq_c * pos_rec).mean(axis=1), (seq_c * neg_rec).mean(axis=1)
            ones = torch.ones(pos_logits.shape, device=pos_logits.device)
            zeros = torch.zeros(neg_logits.shape, device=pos_logits.device)
            rank_loss = self.bce(pos_logits, ones)
            rank_loss += self.bce(neg_logits, zeros)

            match_loss = self.mse(pos_match, pos_match_t) + self.mse(neg_match, neg_match_t)
            recon_loss = self.mse(pos_rec, pos_c) + self.mse(neg_rec, neg_c)
            text_recon_loss = self.mse(pos_rec_t, pos_text_emb.data) + self.mse(neg_rec_t, neg_text_emb.data)

            total = rank_loss + match_loss + 0.5 * recon_loss + 0.2 * text_recon_loss
            total.backward()
            optimizer.step()  # expect: LG014

            total_sum += total.item()
            rank_sum += rank_loss.item()

        print("epoch {}/{} step {}/{}: {} / rank {}".format(epoch, total_epoch, step, total_step,
                                                           total_sum / chunks, rank_sum / chunks))
