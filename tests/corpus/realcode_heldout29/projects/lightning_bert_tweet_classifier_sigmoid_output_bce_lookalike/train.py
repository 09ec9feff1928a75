"""part of look-alike project [LG001, LG004, LG016]: the script splits the tweet dataset, builds BertClassifier(n_classes=2) (or loads a checkpoint) and fits it with a Lightning Trainer."""
# Source: avramdj/pytorch-implementations at 58450f52, transformers-bert/train.py; re-typed, identifiers renamed; the argument help texts cut.
# datasets.TweetDataset is the repository's (not included).
import os
from argparse import ArgumentParser

import pytorch_lightning as pl
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

import datasets
from models import BertClassifier

if __name__ == "__main__":
    os.environ["TOKENIZERS_PARALLELISM"] = os.getenv("TOKENIZERS_PARALLELISM", "false")
    parser = ArgumentParser()
    parser.add_argument("dataset_path")
    parser.add_argument("--device", default="gpu", choices=["cpu", "gpu"])
    parser.add_argument("--epochs", default=5, type=int)
    parser.add_argument("--batch_size", default=16, type=int)
    parser.add_argument("--checkpoint", default=None)
    parser.add_argument("--dataset_size", default=None)
    parser.add_argument("--num_workers", default=10)
    args = parser.parse_args()

    dataset = datasets.TweetDataset(args.dataset_path, max_size=args.dataset_size)
    train_dataset, val_dataset = train_test_split(dataset, train_size=0.8)
    train_loader = DataLoader(train_dataset, batch_size=args.batch_size, num_workers=args.num_workers, shuffle=True)
    val_loader = DataLoader(val_dataset, batch_size=args.batch_size, num_workers=args.num_workers)
    trainer = pl.Trainer(max_epochs=args.epochs, accelerator=args.device)
    if args.checkpoint:
        model = BertClassifier.load_from_checkpoint(args.checkpoint)
    else:
        model = BertClassifier(n_classes=2, n_heads=8, n_layers=12)
    trainer.fit(model, train_loader, val_loader)
