"""part of positive project [LG003]: the TGN example script keeps memory, embedding module and LinkPredictor in a dict, builds torch.nn.BCEWithLogitsLoss() at module level for each run, and train() gives it the decoder's sigmoid outputs for the positive and the sampled negative edges (sigmoid applied twice); the test function reads the same outputs as scores under torch.no_grad."""
# Source: shenyangHuang/TGB at 3b83e5cf (read at the code issue #83, "Extra sigmoid() in LinkPredictor output leads to wrong results on the leaderboard", reports; unchanged at this commit), examples/linkproppred/tgbl-wiki/tgn.py;
# re-typed, identifiers renamed; timing, early stopping, result saving and the MRR evaluation details shortened. The
# tgb package and the other modules (memory, embedding, neighbour loader) are not included.
import torch
from torch_geometric.loader import TemporalDataLoader

from modules.decoder import LinkPredictor
from modules.emb_module import GraphAttentionEmbedding
from modules.memory_module import TGNMemory
from modules.msg_agg import LastAggregator
from modules.msg_func import IdentityMessage
from modules.neighbor_loader import LastNeighborLoader
from tgb.linkproppred.dataset_pyg import PyGLinkPropPredDataset
from tgb.linkproppred.evaluate import Evaluator
from tgb.utils.utils import get_args, set_random_seed


def train():
    model["memory"].train()
    model["gnn"].train()
    model["link_pred"].train()
    model["memory"].reset_state()
    neighbor_loader.reset_state()
    total_loss = 0
    for batch in train_loader:
        batch = batch.to(device)
        optimizer.zero_grad()
        src, pos_dst, t, msg = batch.src, batch.dst, batch.t, batch.msg
        neg_dst = torch.randint(min_dst_idx, max_dst_idx + 1, (src.size(0),), dtype=torch.long, device=device)
        n_id = torch.cat([src, pos_dst, neg_dst]).unique()
        n_id, edge_index, e_id = neighbor_loader(n_id)
        assoc[n_id] = torch.arange(n_id.size(0), device=device)
        z, last_update = model["memory"](n_id)
        z = model["gnn"](z, last_update, edge_index, data.t[e_id].to(device), data.msg[e_id].to(device))

        pos_out = model["link_pred"](z[assoc[src]], z[assoc[pos_dst]])
        neg_out = model["link_pred"](z[assoc[src]], z[assoc[neg_dst]])

        loss = criterion(pos_out, torch.ones_like(pos_out))  # expect: LG003
        loss += criterion(neg_out, torch.zeros_like(neg_out))  # expect: LG003

        model["memory"].update_state(src, pos_dst, t, msg)
        neighbor_loader.insert(src, pos_dst)
        loss.backward()
        optimizer.step()
        model["memory"].detach()
        total_loss += float(loss.detach()) * batch.num_events
    return total_loss / train_data.num_events


@torch.no_grad()
def test(loader, neg_sampler, split_mode):
    model["memory"].eval()
    model["gnn"].eval()
    model["link_pred"].eval()
    perf = []
    for pos_batch in loader:
        negs = neg_sampler.query_batch(pos_batch.src, pos_batch.dst, pos_batch.t, split_mode=split_mode)
        for idx, neg_batch in enumerate(negs):
            src = torch.full((1 + len(neg_batch),), pos_batch.src[idx], device=device)
            dst = torch.cat([pos_batch.dst[idx:idx + 1], torch.tensor(neg_batch, device=device)])
            n_id = torch.cat([src, dst]).unique()
            n_id, edge_index, e_id = neighbor_loader(n_id)
            assoc[n_id] = torch.arange(n_id.size(0), device=device)
            z, last_update = model["memory"](n_id)
            z = model["gnn"](z, last_update, edge_index, data.t[e_id].to(device), data.msg[e_id].to(device))
            y_pred = model["link_pred"](z[assoc[src]], z[assoc[dst]])
            perf.append(evaluator.eval({"y_pred_pos": y_pred[0, :].squeeze(dim=-1).cpu().numpy(),
                                        "y_pred_neg": y_pred[1:, :].squeeze(dim=-1).cpu().numpy(),
                                        "eval_metric": [metric]})[metric])
        model["memory"].update_state(pos_batch.src, pos_batch.dst, pos_batch.t, pos_batch.msg)
        neighbor_loader.insert(pos_batch.src, pos_batch.dst)
    return float(torch.tensor(perf).mean())


DATA = "tgbl-wiki"
args, _ = get_args()
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
dataset = PyGLinkPropPredDataset(name=DATA, root="datasets")
data = dataset.get_TemporalData().to(device)
metric = dataset.eval_metric
train_data = data[dataset.train_mask]
val_data = data[dataset.val_mask]
train_loader = TemporalDataLoader(train_data, batch_size=args.bs)
val_loader = TemporalDataLoader(val_data, batch_size=args.bs)
min_dst_idx, max_dst_idx = int(data.dst.min()), int(data.dst.max())
evaluator = Evaluator(name=DATA)
neg_sampler = dataset.negative_sampler

for run_idx in range(args.num_run):
    torch.manual_seed(run_idx + args.seed)
    set_random_seed(run_idx + args.seed)
    neighbor_loader = LastNeighborLoader(data.num_nodes, size=10, device=device)
    memory = TGNMemory(data.num_nodes, data.msg.size(-1), args.mem_dim, args.time_dim,
                       message_module=IdentityMessage(data.msg.size(-1), args.mem_dim, args.time_dim),
                       aggregator_module=LastAggregator()).to(device)
    gnn = GraphAttentionEmbedding(in_channels=args.mem_dim, out_channels=args.emb_dim, msg_dim=data.msg.size(-1),
                                  time_enc=memory.time_enc).to(device)
    link_pred = LinkPredictor(in_channels=args.emb_dim).to(device)
    model = {"memory": memory, "gnn": gnn, "link_pred": link_pred}
    optimizer = torch.optim.Adam(
        set(model["memory"].parameters()) | set(model["gnn"].parameters()) | set(model["link_pred"].parameters()),
        lr=args.lr,
    )
    criterion = torch.nn.BCEWithLogitsLoss()
    assoc = torch.empty(data.num_nodes, dtype=torch.long, device=device)
    dataset.load_val_ns()
    for epoch in range(1, args.num_epoch + 1):
        loss = train()
        perf_val = test(val_loader, neg_sampler, split_mode="val")
        print(f"Epoch: {epoch:02d}, Loss: {loss:.4f}, val {metric}: {perf_val:.4f}")
