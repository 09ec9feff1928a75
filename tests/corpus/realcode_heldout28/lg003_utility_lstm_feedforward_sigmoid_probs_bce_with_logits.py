"""positive [LG003]: the clarification-question utility classifier's feedforward head returns self.sigmoid(y), and the commit that switched the criterion from nn.BCELoss to nn.BCEWithLogitsLoss kept that sigmoid, so the probabilities are squashed a second time inside the loss."""
# Source: raosudha89/clarification_question_generation_pytorch at 9b046bce (the state of the file after 03f95c2f
# "Bi-LSTM with dropout", which replaced nn.BCELoss() by nn.BCEWithLogitsLoss(); the classifier was later rewritten as
# rnn_classifier.py), src/utility/lstm_classifier.py; re-typed with spaces, identifiers renamed, Python 2 print
# statements written as print() calls; parameter counting and the dev / early-stopping branch shortened.
import argparse
import itertools
import random
import sys

import cPickle as p
import numpy as np
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(1)
random.seed(1)


class TextEncoder(nn.Module):
    def __init__(self, embeddings, hidden_dim, batch_size, dropout):
        super(TextEncoder, self).__init__()
        self.hidden_dim = hidden_dim
        self.batch_size = batch_size
        self.word_embeddings = nn.Embedding.from_pretrained(torch.FloatTensor(embeddings))
        self.lstm = nn.LSTM(len(embeddings[0]), hidden_dim, num_layers=2, bidirectional=False, dropout=dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        x = embeds.view(len(sentence[0]), self.batch_size, -1)
        lstm_out, (hidden, cell) = self.lstm(x)
        hidden = self.dropout(torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1))
        return lstm_out


class UtilityHead(nn.Module):
    def __init__(self, input_dim, hidden_dim, label_size, batch_size):
        super(UtilityHead, self).__init__()
        self.hidden_dim = hidden_dim
        self.batch_size = batch_size
        self.feedforward = nn.Linear(input_dim, hidden_dim)
        self.hidden2label = nn.Linear(hidden_dim, label_size)
        self.sigmoid = nn.Sigmoid()

    def forward(self, input):
        out = self.feedforward(input)
        y = self.hidden2label(out)
        probs = self.sigmoid(y)
        return probs


def accuracy(truth, pred):
    right = 0
    for i in range(len(truth)):
        if (truth[i] == 1 and pred[i] >= 0.5) or (truth[i] == 0 and pred[i] < 0.5):
            right += 1.0
    return right / len(truth)


def to_ids(seq, to_ix, max_len, cuda=False):
    sequences = []
    masks = []
    for s in seq:
        ids = [to_ix[w] if w in to_ix else to_ix['<unk>'] for w in s.split(' ')[:max_len]]
        masks.append([1] * len(ids) + [0] * (max_len - len(ids)))
        ids += [0] * (max_len - len(ids))
        sequences.append(ids)
    if cuda:
        return autograd.Variable(torch.LongTensor(sequences).cuda()), autograd.Variable(torch.FloatTensor(masks).cuda())
    return autograd.Variable(torch.LongTensor(sequences)), autograd.Variable(torch.FloatTensor(masks))


def to_labels(labels, cuda=False):
    if cuda:
        return autograd.Variable(torch.FloatTensor([float(l) for l in labels]).cuda())
    return autograd.Variable(torch.FloatTensor([float(l) for l in labels]))


def minibatches(contexts, questions, answers, labels, batch_size):
    for start in range(0, contexts.shape[0] - batch_size + 1, batch_size):
        part = slice(start, start + batch_size)
        yield contexts[part], questions[part], answers[part], labels[part]


def run_split(ctx_model, q_model, a_model, head, data, loss_function, optimizer, vocab, i, batch_size, cuda, split):
    avg_loss = 0.0
    avg_acc = 0.0
    n = 0
    for m in (ctx_model, q_model, a_model, head):
        m.train() if split == 'train' else m.eval()
    data = np.transpose(np.array(data))
    contexts_data, questions_data, answers_data, labels_data = data
    for contexts, questions, answers, labels in minibatches(contexts_data, questions_data, answers_data, labels_data,
                                                            batch_size):
        labels = to_labels(labels, cuda)
        contexts, c_masks = to_ids(contexts, vocab, 250, cuda)
        questions, q_masks = to_ids(questions, vocab, 50, cuda)
        answers, a_masks = to_ids(answers, vocab, 50, cuda)
        c_out = ctx_model(contexts)
        q_out = q_model(questions)
        a_out = a_model(answers)
        c_masks = torch.transpose(c_masks[:, :, None].expand(c_masks.shape[0], c_masks.shape[1], 100), 0, 1)
        q_masks = torch.transpose(q_masks[:, :, None].expand(q_masks.shape[0], q_masks.shape[1], 100), 0, 1)
        a_masks = torch.transpose(a_masks[:, :, None].expand(a_masks.shape[0], a_masks.shape[1], 100), 0, 1)
        c_out = torch.mean(c_out * c_masks, 0)
        q_out = torch.mean(q_out * q_masks, 0)
        a_out = torch.mean(a_out * a_masks, 0)
        pred = head(torch.cat((c_out, q_out, a_out), 1))
        pred = pred[:, 0]
        loss = loss_function(pred, labels)  # expect: LG003
        acc = accuracy(labels.data, pred.data)
        avg_loss += loss.item()
        avg_acc += acc
        n += 1
        if split == 'train':
            ctx_model.zero_grad()
            q_model.zero_grad()
            a_model.zero_grad()
            head.zero_grad()
            loss.backward()
            optimizer.step()
    print('epoch: %d \n %s avg_loss:%g , avg_acc:%g' % (i, split, avg_loss / n, avg_acc / n))
    return avg_acc / n


def main(args):
    train_data = p.load(open(args.train_data, 'rb'))
    word_embeddings = p.load(open(args.word_embeddings, 'rb'))
    vocab = p.load(open(args.vocab, 'rb'))
    HIDDEN_DIM = 100
    BATCH_SIZE = 128
    dropout = 0.5
    ctx_model = TextEncoder(word_embeddings, HIDDEN_DIM, BATCH_SIZE, dropout)
    q_model = TextEncoder(word_embeddings, HIDDEN_DIM, BATCH_SIZE, dropout)
    a_model = TextEncoder(word_embeddings, HIDDEN_DIM, BATCH_SIZE, dropout)
    head = UtilityHead(HIDDEN_DIM * 3, HIDDEN_DIM, 1, batch_size=BATCH_SIZE)
    if args.cuda:
        for m in (ctx_model, q_model, a_model, head):
            m.cuda()
    loss_function = nn.BCEWithLogitsLoss()
    optimizer = optim.Adam([p_ for p_ in itertools.chain(ctx_model.parameters(), q_model.parameters(),
                                                         a_model.parameters(), head.parameters())
                            if p_.requires_grad], lr=1e-3)
    for i in range(100):
        random.shuffle(train_data)
        run_split(ctx_model, q_model, a_model, head, train_data, loss_function, optimizer, vocab, i, BATCH_SIZE,
                  args.cuda, 'train')


if __name__ == "__main__":
    parser = argparse.ArgumentParser(sys.argv[0])
    parser.add_argument("--train_data", type=str)
    parser.add_argument("--word_embeddings", type=str)
    parser.add_argument("--vocab", type=str)
    parser.add_argument("--cuda", type=str)
    main(parser.parse_args())
