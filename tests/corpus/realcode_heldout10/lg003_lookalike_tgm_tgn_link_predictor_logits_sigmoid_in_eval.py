"""look-alike [LG003]: the same TGN link-prediction example after the fix: LinkPredictor returns the raw fc2 score, train() feeds it to F.binary_cross_entropy_with_logits, and eval() applies .sigmoid() only for the ranking metric."""
# Source: tgm-team/tgm@7776d1c4a892727fbfb5944e6f670f99a30eba9f examples/linkproppred/tgn.py (the fix "Numerically Stable Decoders (#274)"; re-typed, cut at class and function boundaries: the argument parser left out, TGNMemory, GraphAttentionEmbedding and the message/aggregator modules left out, the neighbour-index bookkeeping of train() and eval() shortened into batch_embeddings)
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from tgb.linkproppred.evaluate import Evaluator
from tqdm import tqdm

from tgm import DGData, DGraph, RecipeRegistry
from tgm.constants import METRIC_TGB_LINKPROPPRED, PADDED_NODE_ID, RECIPE_TGB_LINK_PRED
from tgm.hooks import RecencyNeighborHook
from tgm.loader import DGDataLoader
from tgm.util.seed import seed_everything


class LinkPredictor(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.fc1 = nn.Linear(2 * dim, dim)
        self.fc2 = nn.Linear(dim, 1)

    def forward(self, z_src: torch.Tensor, z_dst: torch.Tensor) -> torch.Tensor:
        h = self.fc1(torch.cat([z_src, z_dst], dim=1))
        h = h.relu()
        return self.fc2(h).view(-1)


def batch_embeddings(batch, memory, encoder):
    nbr_nodes = batch.nbr_nids[0].flatten()
    nbr_mask = nbr_nodes != PADDED_NODE_ID
    all_nids = torch.cat([batch.src, batch.dst, batch.neg, nbr_nodes[nbr_mask]])
    batch.unique_nids = torch.unique(all_nids, sorted=True)
    batch.global_to_local = lambda x: torch.searchsorted(batch.unique_nids, x)
    num_nbrs = len(nbr_nodes) // (len(batch.src) + len(batch.dst) + len(batch.neg))
    src_nodes = torch.cat([
        batch.src.repeat_interleave(num_nbrs),
        batch.dst.repeat_interleave(num_nbrs),
        batch.neg.repeat_interleave(num_nbrs),
    ])
    nbr_edge_index = torch.stack([batch.global_to_local(src_nodes[nbr_mask]), batch.global_to_local(nbr_nodes[nbr_mask])])
    nbr_times = batch.nbr_times[0].flatten()[nbr_mask]
    nbr_feats = batch.nbr_feats[0].flatten(0, -2).float()[nbr_mask]
    z, last_update = memory(batch.unique_nids)
    return encoder(z, last_update, nbr_edge_index, nbr_times, nbr_feats)


def train(loader, memory, encoder, decoder, opt) -> float:
    memory.train()
    encoder.train()
    decoder.train()
    total_loss = 0

    memory.reset_state()

    for batch in tqdm(loader):
        opt.zero_grad()

        z = batch_embeddings(batch, memory, encoder)

        inv_src = batch.global_to_local(batch.src)
        inv_dst = batch.global_to_local(batch.dst)
        inv_neg = batch.global_to_local(batch.neg)
        pos_out = decoder(z[inv_src], z[inv_dst])
        neg_out = decoder(z[inv_src], z[inv_neg])

        loss = F.binary_cross_entropy_with_logits(pos_out, torch.ones_like(pos_out))
        loss += F.binary_cross_entropy_with_logits(neg_out, torch.zeros_like(neg_out))

        memory.update_state(batch.src, batch.dst, batch.time, batch.edge_feats.float())

        loss.backward()
        opt.step()
        total_loss += float(loss)

        memory.detach()

    return total_loss


@torch.no_grad()
def eval(loader, memory, encoder, decoder, eval_metric, evaluator) -> float:
    memory.eval()
    encoder.eval()
    decoder.eval()
    perf_list = []

    for batch in tqdm(loader):
        z = batch_embeddings(batch, memory, encoder)

        for idx, neg_batch in enumerate(batch.neg_batch_list):
            dst_ids = torch.cat([batch.dst[idx].unsqueeze(0), neg_batch])
            src_ids = batch.src[idx].repeat(len(dst_ids))
            y_pred = decoder(z[batch.global_to_local(src_ids)], z[batch.global_to_local(dst_ids)]).sigmoid()
            input_dict = {'y_pred_pos': y_pred[0], 'y_pred_neg': y_pred[1:], 'eval_metric': [eval_metric]}
            perf_list.append(evaluator.eval(input_dict)[eval_metric])

        memory.update_state(batch.src, batch.dst, batch.time, batch.edge_feats.float())

    return float(np.mean(perf_list))


args = parser.parse_args()
seed_everything(args.seed)
evaluator = Evaluator(name=args.dataset)

train_data, val_data, test_data = DGData.from_tgb(args.dataset).split()
train_dg = DGraph(train_data, device=args.device)
val_dg = DGraph(val_data, device=args.device)
test_dg = DGraph(test_data, device=args.device)

hm = RecipeRegistry.build(RECIPE_TGB_LINK_PRED, dataset_name=args.dataset, train_dg=train_dg)
train_key, val_key, test_key = hm.keys
hm.register_shared(RecencyNeighborHook(num_nbrs=args.n_nbrs, num_nodes=test_dg.num_nodes, edge_feats_dim=test_dg.edge_feats_dim))

train_loader = DGDataLoader(train_dg, args.bsize, hook_manager=hm)
val_loader = DGDataLoader(val_dg, args.bsize, hook_manager=hm)

memory = TGNMemory(test_dg.num_nodes, test_dg.edge_feats_dim, args.memory_dim, args.time_dim,
                   message_module=IdentityMessage(test_dg.edge_feats_dim, args.memory_dim, args.time_dim),
                   aggregator_module=LastAggregator()).to(args.device)
encoder = GraphAttentionEmbedding(in_channels=args.memory_dim, out_channels=args.embed_dim,
                                  msg_dim=test_dg.edge_feats_dim, time_enc=memory.time_enc).to(args.device)
decoder = LinkPredictor(args.embed_dim).to(args.device)
opt = torch.optim.Adam(set(memory.parameters()) | set(encoder.parameters()) | set(decoder.parameters()), lr=args.lr)

for epoch in range(1, args.epochs + 1):
    with hm.activate(train_key):
        start_time = time.perf_counter()
        loss = train(train_loader, memory, encoder, decoder, opt)
        latency = time.perf_counter() - start_time
    with hm.activate(val_key):
        val_mrr = eval(val_loader, memory, encoder, decoder, METRIC_TGB_LINKPROPPRED, evaluator)
    print(f'Epoch={epoch:02d} Latency={latency:.4f} Loss={loss:.4f} Validation {METRIC_TGB_LINKPROPPRED}={val_mrr:.4f}')
    if epoch < args.epochs:
        hm.reset_state()
