"""part of positive project [LG011]: full-batch training of the GCN on Cora: nn.NLLLoss on the model's log-probabilities indexed by the training nodes, validation on the same forward output every few steps."""
# Source: Yagami360/MachineLearning_Exercises_Python_PyTorch at 97e1bd1e (read as is), GCN_sample_classication/train.py;
# re-typed, identifiers renamed; tensorboard output, seeding and checkpoint loading shortened. dataset.py and utils.py
# (Cora loading, accuracy, checkpoints) are not included.
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.model_selection import train_test_split
from tqdm import tqdm

from dataset import load_dataset
from networks import GCNClassifier
from utils import calc_accuracy, save_checkpoint

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument("--exper_name", default="gcn_for_classication")
    parser.add_argument("--dataset_dir", type=str, default="../dataset/cora_dataset")
    parser.add_argument("--n_epoches", type=int, default=200)
    parser.add_argument("--n_classes", type=int, default=7)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--beta1', type=float, default=0.5)
    parser.add_argument('--beta2', type=float, default=0.999)
    parser.add_argument("--val_rate", type=float, default=0.01)
    parser.add_argument("--n_display_step", type=int, default=10)
    parser.add_argument('--n_display_valid_step', type=int, default=10)
    parser.add_argument("--seed", type=int, default=71)
    parser.add_argument('--device', choices=['cpu', 'gpu'], default="gpu")
    args = parser.parse_args()

    device = torch.device("cuda" if args.device == "gpu" and torch.cuda.is_available() else "cpu")

    features, labels, adj_matrix = load_dataset(dataset_dir=args.dataset_dir, device=device)
    train_valid_idx = range(0, 2000)
    train_idx, valid_idx = train_test_split(train_valid_idx, test_size=args.val_rate, random_state=args.seed,
                                            stratify=labels[train_valid_idx].cpu().numpy())

    model = GCNClassifier(n_inputs=features.shape[1], n_outputs=args.n_classes).to(device)
    optimizer = optim.Adam(params=model.parameters(), lr=args.lr, betas=(args.beta1, args.beta2))
    loss_fn = nn.NLLLoss()

    step = 0
    for epoch in tqdm(range(args.n_epoches), desc="epoches"):
        model.train()
        output = model(features, adj_matrix)
        loss = loss_fn(output[train_idx], labels[train_idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if step == 0 or (step % args.n_display_step == 0):
            accuracy = calc_accuracy(output[train_idx], labels[train_idx])
            print("[train] step={}, loss={:.5f}, accuracy={:.5f}".format(step, loss.item(), accuracy.item()))

        if step == 0 or (step % args.n_display_valid_step == 0):
            loss = loss_fn(output[valid_idx], labels[valid_idx])
            accuracy = calc_accuracy(output[valid_idx], labels[valid_idx])
            print("[valid] step={}, loss={:.5f}, accuracy={:.5f}".format(step, loss.item(), accuracy.item()))

        step += 1

    save_checkpoint(model, device, os.path.join("checkpoints", args.exper_name, 'model_final.pth'))
