"""part of positive project [LG001, LG011]: the training loop unpacks (probs, classes) from the model and gives the probabilities to nn.CrossEntropyLoss."""
# Source: yongjincho/cnn-text-classification-pytorch@c8b9a706dad648503b5b66006babd88db66fd0bb text_classifier.py (read as is; re-typed, identifiers renamed, checkpoint saving and the predict sub-command shortened)
import argparse
import logging

import torch
from torch import autograd, optim, nn
from tensorboardX import SummaryWriter

import config
from data import Vocabulary, ClassificationDataset
from model import TextCNN


def train(args, states=None):
    vocab = Vocabulary(config.vocab_file)
    train_set = ClassificationDataset(config.train_file, vocab, config.train_batch_size)
    model = TextCNN(len(vocab))
    if torch.cuda.is_available():
        model.cuda()
    loss_function = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=config.learning_rate)
    writer = SummaryWriter(log_dir=args.model_dir)
    epoch = 0
    step = 0
    done = False
    while (not config.num_epochs or epoch < config.num_epochs) and not done:
        running = []
        for batch in train_set:
            if config.train_steps and step >= config.train_steps:
                done = True
                break
            seqs = autograd.Variable(torch.LongTensor(batch["sequences"]))
            labels = autograd.Variable(torch.LongTensor(batch["labels"]))
            if torch.cuda.is_available():
                seqs, labels = seqs.cuda(), labels.cuda()
            probs, classes = model(seqs)
            optimizer.zero_grad()
            losses = loss_function(probs, labels)  # expect: LG001
            losses.backward()
            optimizer.step()
            running.append(losses.data[0])
            if step % args.summary_interval == 0:
                loss = sum(running) / len(running)
                writer.add_scalar("train/loss", loss, step)
                running = []
            step += 1
        epoch += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-m", "--model_dir", type=str, required=True)
    parser.add_argument("--summary_interval", default=100, type=int)
    args = parser.parse_args()
    train(args, None)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
