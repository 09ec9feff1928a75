"""part of look-alike project [LG003, LG005, LG006, LG007]: the link-sign example trains the chosen model for each split with model.loss(), returns loss.item() and evaluates the embeddings with a logistic regression."""
# Source: SherylHYX/pytorch_geometric_signed_directed at ecdf3fcf, examples/run_link_sign_prediction.py;
# re-typed, identifiers renamed; the SGCN / SNEA / SiGAT branches and the result table cut (parameter_parser and
# link_sign_prediction_logistic_function imported or left as in the source).
import os.path as osp

import torch
from torch_geometric.seed import seed_everything

from pyg_signed import SDGNN

args = parameter_parser()
seed_everything(args.seed)
path = osp.join(osp.dirname(osp.realpath(__file__)), '..', 'tmp_data')
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
data = load_signed_real_data(dataset=args.dataset, root=path).to(device)
data.to_unweighted()
link_data = link_class_split(data, prob_val=0.1, prob_test=0.1, splits=args.runs, seed=args.seed,
                             task='sign', maintain_connect=False, device=device)


def evaluate(model, split, eval_flag='test'):
    model.eval()
    with torch.no_grad():
        z = model()
    emb = z.cpu().numpy()
    acc, f1, f1_macro, f1_micro, auc = link_sign_prediction_logistic_function(
        emb, split['train']['edges'].cpu().numpy(), split['train']['label'].cpu().numpy(),
        split[eval_flag]['edges'].cpu().numpy(), split[eval_flag]['label'].cpu().numpy())
    return {'acc': acc, 'f1': f1, 'f1_macro': f1_macro, 'f1_micro': f1_micro, 'auc': auc}


def train(model, optimizer):
    model.train()
    optimizer.zero_grad()
    loss = model.loss()
    loss.backward()
    optimizer.step()
    return loss.item()


results = []
for index in list(link_data.keys()):
    split = link_data[index]
    edge_index = split['train']['edges']
    edge_sign = split['train']['label'] * 2 - 1
    edge_index_s = torch.cat([edge_index, edge_sign.unsqueeze(-1)], dim=-1)
    model = SDGNN(data.num_nodes, edge_index_s, args.in_dim, args.out_dim).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    best_auc, bad = 0, 0
    for epoch in range(args.epochs):
        loss = train(model, optimizer)
        if epoch % args.eval_step == 0:
            info = evaluate(model, split, 'val')
            print(f'Split: {index:02d}, Epoch: {epoch:03d}, Loss: {loss:.4f}, val AUC: {info["auc"]:.4f}')
            if info['auc'] > best_auc:
                best_auc, bad = info['auc'], 0
            else:
                bad += 1
                if bad > args.patience:
                    break
    results.append(evaluate(model, split, 'test'))
