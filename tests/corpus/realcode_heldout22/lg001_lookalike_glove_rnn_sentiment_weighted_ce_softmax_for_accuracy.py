"""look-alike [LG001, LG006, LG011, LG013]: a notebook sentiment RNN returns the Linear scores of the last hidden state into a class-weighted nn.CrossEntropyLoss with a LabelField(dtype=torch.long) target; F.softmax(..., dim=-1) appears only in the accuracy helper and in the prediction function, and the epoch sums take loss.item()."""
# Source: laloceh/Torch_tests at cf13f8fa (read as is), kaggle/RNN_Glove_Sentiment.ipynb (a port of a Kaggle notebook);
# the text of its code cells, re-typed, identifiers renamed; the shell cell (!mkdir), the %matplotlib magic, the CSV
# splitting cells and the printouts cut.
import nltk
import pyprind
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchtext
from torchtext import data

SEED = 1234
torch.manual_seed(SEED)
torch.cuda.manual_seed(SEED)
torch.backends.cudnn.deterministic = True
nltk.download("punkt")


def tokenize(text):
    return [tok for tok in nltk.word_tokenize(text)]


TEXT = data.Field(sequential=True, tokenize=tokenize)
LABEL = data.LabelField(dtype=torch.long, sequential=False)

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

train_ds, valid_ds, test_ds = data.TabularDataset.splits(
    path="torchtext_data/", train="train.csv", validation="valid.csv", test="test.csv",
    format="csv", skip_header=True,
    fields=[("text", TEXT), ("target", LABEL)],
)
TEXT.build_vocab(train_ds, vectors=torchtext.vocab.Vectors("../glove.6B/glove.6B.50d.txt"), max_size=20000, min_freq=10)
LABEL.build_vocab(train_ds)

BATCH = 20
train_it, valid_it, test_it = data.BucketIterator.splits(
    (train_ds, valid_ds, test_ds), sort_key=lambda ex: len(ex.text), batch_size=BATCH, device=device)


class SentimentRNN(nn.Module):
    def __init__(self, vocab_size, emb_dim, hid_dim, n_out):
        super(SentimentRNN, self).__init__()
        self.embedding = nn.Embedding(vocab_size, emb_dim)
        self.rnn = nn.RNN(emb_dim, hid_dim)
        self.fc = nn.Linear(hid_dim, n_out)

    def forward(self, x):
        emb = self.embedding(x)
        seq_out, h = self.rnn(emb)
        assert torch.equal(seq_out[-1, :, :], h.squeeze(0))
        return self.fc(h)


net = SentimentRNN(len(TEXT.vocab), 50, 374, 2)
net.embedding.weight.data = TEXT.vocab.vectors.to(device)

weights = torch.tensor([1.0, 15.0]).to(device)
optimizer = optim.SGD(net.parameters(), lr=2e-3)
criterion = nn.CrossEntropyLoss(weight=weights)
net = net.to(device)
criterion = criterion.to(device)


def batch_accuracy(scores, y):
    top, idx = torch.max(F.softmax(scores, dim=-1), 1)
    hits = (idx == y).float()
    return hits.sum() / float(len(hits))


def run_train(net, iterator, optimizer, criterion):
    ep_loss = 0
    ep_acc = 0
    net.train()
    bar = pyprind.ProgBar(len(iterator), bar_char="#")
    for batch in iterator:
        optimizer.zero_grad()
        scores = net(batch.text).squeeze(0)
        loss = criterion(scores, batch.target)
        acc = batch_accuracy(scores, batch.target)
        loss.backward()
        optimizer.step()
        ep_loss += loss.item()
        ep_acc += acc.item()
        bar.update()
    return ep_loss / len(iterator), ep_acc / len(iterator)


def run_eval(net, iterator, criterion):
    ep_loss = 0
    ep_acc = 0
    net.eval()
    with torch.no_grad():
        for batch in iterator:
            scores = net(batch.text).squeeze(0)
            loss = criterion(scores, batch.target)
            acc = batch_accuracy(scores, batch.target)
            ep_loss += loss.item()
            ep_acc += acc.item()
    return ep_loss / len(iterator), ep_acc / len(iterator)


for epoch in range(2):
    tr_loss, tr_acc = run_train(net, train_it, optimizer, criterion)
    va_loss, va_acc = run_eval(net, valid_it, criterion)
    print("| Epoch:{} | Train Loss: {} | Train Acc: {}% | Val. Loss: {} | Val. Acc: {}% |".format(
        epoch + 1, tr_loss, tr_acc * 100, va_loss, va_acc * 100))

te_loss, te_acc = run_eval(net, test_it, criterion)


def predict_sentiment(sentence):
    toks = nltk.word_tokenize(sentence)
    ids = [TEXT.vocab.stoi[t] for t in toks]
    x = torch.LongTensor(ids).to(device).unsqueeze(1)
    scores = net(x)
    print(F.softmax(scores, dim=-1))
    top, idx = torch.max(F.softmax(scores.squeeze(0), dim=-1), 1)
    return top, idx
