"""look-alike [LG006]: every few epochs the training function evaluates, runs the model under torch.no_grad() and takes the loss after the block; the list keeps losses of predictions made without grad, which hold no graph."""

# Source: uvipen/Hierarchical-attention-networks-pytorch@b1ea9e0 train.py (cut, renamed)
import numpy as np
import torch
import torch.nn as nn

from han import HierarchicalAttention, make_loaders


def run(opt):
    train_loader, test_loader, n_test = make_loaders(opt)
    model = HierarchicalAttention(opt.word_hidden, opt.sent_hidden, opt.num_classes)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=opt.lr, momentum=opt.momentum)
    for epoch in range(opt.epochs):
        model.train()
        for docs, labels in train_loader:
            optimizer.zero_grad()
            model.reset_hidden(len(labels))
            logits = model(docs)
            loss = criterion(logits, labels)
            loss.backward()
            optimizer.step()
        if epoch % opt.test_every == 0:
            model.eval()
            test_losses = []
            test_scores = []
            test_labels = []
            for docs, labels in test_loader:
                n = len(labels)
                with torch.no_grad():
                    model.reset_hidden(n)
                    scores = model(docs)
                batch_loss = criterion(scores, labels)
                test_losses.append(batch_loss * n)
                test_scores.append(scores.clone().cpu())
                test_labels.extend(labels.clone().cpu())
            epoch_loss = sum(test_losses) / n_test
            labels = np.array(test_labels)
            accuracy = (torch.cat(test_scores).argmax(1).numpy() == labels).mean()
            print(f"epoch {epoch}: test loss {epoch_loss:.4f}, accuracy {accuracy:.3f}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--test_every", type=int, default=1)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--word_hidden", type=int, default=50)
    parser.add_argument("--sent_hidden", type=int, default=50)
    parser.add_argument("--num_classes", type=int, default=14)
    run(parser.parse_args())
