"""part of look-alike project [LG001, LG013, LG015]: the Cora script: Adam with weight decay on weights only, full-graph epochs that take the loss from the model's forward, clear, back-propagate and step; the validation loss from the same forward is only formatted into the log."""
# Source: longshuicui/gcn-pytorch at f0eff272, train.py; re-typed, identifiers renamed; the argument parser, the t-SNE inference and plotting, and a stray model.load_state_dict() call without arguments cut;
# utils.py not reproduced.
import logging
import torch

from model import GCN
from utils import load_data, preprocess_features, preprocess_adj

logger = logging.getLogger(__name__)


def accuracy(y_true, y_pred, mask):
    correct = (torch.argmax(y_true, dim=-1)) == (torch.argmax(y_pred, dim=-1))
    return (torch.sum(correct.float() * mask) / mask.sum()).item()


def main(args):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data(args.dataset, args.path)
    features = preprocess_features(features)
    adj = preprocess_adj(adj)
    model = GCN(feature_dim=features[2][1], num_classes=y_train.shape[1], hidden_size=args.hidden_size).to(device)
    weight_p, bias_p = [], []
    for name, p in model.named_parameters():
        if "bias" in name:
            bias_p += [p]
        else:
            weight_p += [p]
    optimizer = torch.optim.Adam(params=[{"params": weight_p, "weight_decay": args.weight_decay},
                                         {"params": bias_p, "weight_decay": 0.}], lr=args.lr)
    inputs = torch.sparse_coo_tensor(indices=features[0], values=features[1], size=features[2], dtype=torch.float32).to(device)
    A = torch.sparse_coo_tensor(indices=adj[0], values=adj[1], size=adj[2], dtype=torch.float32).to(device)
    for epoch in range(args.epochs):
        model.train()
        train_labels = torch.from_numpy(y_train).to(device)
        train_mask_t = torch.from_numpy(train_mask).to(device)
        train_loss, train_logits = model(inputs, A, train_labels, train_mask_t)
        train_acc = accuracy(train_labels, train_logits, train_mask_t)
        optimizer.zero_grad()
        train_loss.backward()
        optimizer.step()
        model.eval()
        eval_labels = torch.from_numpy(y_val).to(device)
        eval_mask_t = torch.from_numpy(val_mask).to(device)
        eval_loss, eval_logits = model(inputs, A, eval_labels, eval_mask_t)
        eval_acc = accuracy(eval_labels, eval_logits, eval_mask_t)
        logger.info(f"Epoch:{epoch + 1}/{args.epochs}, train loss:{train_loss:.4f}, train acc:{train_acc:.4f}, "
                    f"eval loss: {eval_loss:.4f}, eval acc:{eval_acc:.4f}.")
    torch.save({"structure": model, "state_dict": model.state_dict()}, f=args.save_path)
