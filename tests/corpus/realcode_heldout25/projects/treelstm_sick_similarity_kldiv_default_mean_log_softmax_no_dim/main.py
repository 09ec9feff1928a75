"""part of positive project [LG009, LG011]: the SICK relatedness script builds nn.KLDivLoss() with the default reduction (mean over every element, not batchmean) and hands it to the trainer with the Tree-LSTM similarity model."""
# Source: ttpro1995/treelstm.pytorch at 5363ef3a (read as is), main.py; re-typed, identifiers renamed; argument
# parsing, vocabulary building, dataset caching and the GloVe embedding copy shortened.
import torch.nn as nn
import torch.optim as optim

from config import parse_args
from dataset import SICKDataset
from metrics import Metrics
from model import TreeSimilarityModel
from trainer import PairTrainer


def main():
    args = parse_args()
    vocab = build_vocab(args.data)
    train_set = SICKDataset(args.data + '/train/', vocab, args.num_classes)
    dev_set = SICKDataset(args.data + '/dev/', vocab, args.num_classes)

    model = TreeSimilarityModel(args.cuda, vocab.size(), args.input_dim, args.mem_dim, args.hidden_dim,
                                args.num_classes)
    criterion = nn.KLDivLoss()  # expect: LG009
    if args.cuda:
        model.cuda(), criterion.cuda()
    if args.optim == 'adam':
        optimizer = optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.wd)
    elif args.optim == 'adagrad':
        optimizer = optim.Adagrad(model.parameters(), lr=args.lr, weight_decay=args.wd)
    metrics = Metrics(args.num_classes)

    trainer = PairTrainer(args, model, criterion, optimizer)
    for epoch in range(args.epochs):
        train_loss = trainer.train(train_set)
        dev_loss, dev_pred = trainer.test(dev_set)
        print('==> Train loss : %f' % train_loss)
        print('==> Dev loss : %f, Pearson %f' % (dev_loss, metrics.pearson(dev_pred, dev_set.labels)))


if __name__ == "__main__":
    main()
