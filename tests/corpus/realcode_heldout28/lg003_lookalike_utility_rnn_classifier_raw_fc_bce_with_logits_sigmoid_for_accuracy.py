"""look-alike [LG003, LG006]: the rewritten utility classifier returns the raw output of its final Linear layer and trains it with nn.BCEWithLogitsLoss; the sigmoid appears only inside binary_accuracy, and the epoch sums keep loss.item()."""
# Source: raosudha89/clarification_question_generation_pytorch at e3fbb7f0 ("Adaptation of sentiment rnn classifier
# for utility calculator", the classifier that replaced lstm_classifier.py), src/utility/rnn_classifier.py; re-typed
# with spaces, identifiers renamed, Python 2 print statements written as print() calls; data preparation shortened
# (prepare_data stands for the cut part).
import argparse
import sys

import cPickle as p
import numpy as np
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class TextRNN(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_dim, output_dim, n_layers, bidirectional, dropout):
        super(TextRNN, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.rnn = nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=bidirectional,
                           dropout=dropout)
        self.fc = nn.Linear(hidden_dim * 2, output_dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        embedded = self.dropout(self.embedding(x))
        output, (hidden, cell) = self.rnn(embedded)
        hidden = self.dropout(torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1))
        return self.fc(hidden.squeeze(0))


def binary_accuracy(preds, y):
    rounded = torch.round(F.sigmoid(preds))
    correct = (rounded == y).float()
    return correct.sum() / len(correct)


def batches(contexts, labels, batch_size, shuffle=True):
    if shuffle:
        idx = np.arange(len(contexts))
        np.random.shuffle(idx)
    for start in range(0, len(contexts) - batch_size + 1, batch_size):
        part = idx[start:start + batch_size] if shuffle else slice(start, start + batch_size)
        yield contexts[part], labels[part]


def train_fn(model, train_data, optimizer, criterion, batch_size):
    epoch_loss = 0
    epoch_acc = 0
    model.train()
    contexts, labels = train_data
    n = 0
    for c, l in batches(contexts, labels, batch_size):
        optimizer.zero_grad()
        predictions = model(torch.transpose(c, 0, 1)).squeeze(1)
        loss = criterion(predictions, l)
        acc = binary_accuracy(predictions, l)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
        epoch_acc += acc.item()
        n += 1
    return epoch_loss / n, epoch_acc / n


def evaluate(model, dev_data, criterion, batch_size):
    epoch_loss = 0
    epoch_acc = 0
    n = 0
    model.eval()
    with torch.no_grad():
        contexts, labels = dev_data
        for c, l in batches(contexts, labels, batch_size):
            predictions = model(torch.transpose(c, 0, 1)).squeeze(1)
            loss = criterion(predictions, l)
            acc = binary_accuracy(predictions, l)
            epoch_loss += loss.item()
            epoch_acc += acc.item()
            n += 1
    return epoch_loss / n, epoch_acc / n


def to_labels(labels, cuda=False):
    if cuda:
        return torch.FloatTensor([float(l) for l in labels]).cuda()
    return autograd.Variable(torch.FloatTensor([float(l) for l in labels]))


def main(args):
    torch.manual_seed(1234)
    train_data = p.load(open(args.train_data, 'rb'))
    dev_data = p.load(open(args.tune_data, 'rb'))
    word_embeddings = p.load(open(args.word_embeddings, 'rb'))
    vocab = p.load(open(args.vocab, 'rb'))
    model = TextRNN(len(vocab), 200, 256, 1, 2, True, 0.5)
    model.embedding.weight.data.copy_(autograd.Variable(torch.FloatTensor(word_embeddings).cuda()))
    optimizer = optim.Adam(model.parameters())
    criterion = nn.BCEWithLogitsLoss()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = model.to(device)
    criterion = criterion.to(device)
    train_set = prepare_data(train_data, vocab, 'train', args.cuda)
    dev_set = prepare_data(dev_data, vocab, 'dev', args.cuda)
    for epoch in range(300):
        train_loss, train_acc = train_fn(model, train_set, optimizer, criterion, 64)
        valid_loss, valid_acc = evaluate(model, dev_set, criterion, 64)
        print('Epoch %d: Train Loss: %.3f, Train Acc: %.3f, Val Loss: %.3f, Val Acc: %.3f'
              % (epoch, train_loss, train_acc, valid_loss, valid_acc))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(sys.argv[0])
    parser.add_argument("--train_data", type=str)
    parser.add_argument("--tune_data", type=str)
    parser.add_argument("--word_embeddings", type=str)
    parser.add_argument("--vocab", type=str)
    parser.add_argument("--cuda", type=bool)
    main(parser.parse_args())
