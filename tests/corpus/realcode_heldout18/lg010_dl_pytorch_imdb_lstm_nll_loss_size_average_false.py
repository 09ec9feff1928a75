"""positive [LG010]: the book's IMDB LSTM notebook trains with F.nll_loss on LogSoftmax outputs and sums its epoch loss with a second F.nll_loss(..., size_average=False) call, the argument deprecated since PyTorch 0.4."""
# Source: PacktPublishing/Deep-Learning-with-PyTorch at 7d2f9a92 (read as is), Chapter06/IMDB LSTM with batching.ipynb;
# the code cells, re-typed, identifiers renamed; nothing else cut (the same size_average=False sum is in the
# chapter's other IMDB notebooks and in the Chapter08 transfer-learning notebooks, with F.cross_entropy).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from imdb import IMDB
from torch.autograd import Variable
from torchtext import data
from torchtext.vocab import GloVe

# ---- cell 2
use_gpu = torch.cuda.is_available()
# ---- cell 3
TEXT = data.Field(lower=True, fix_length=200, batch_first=False)
LABEL = data.Field(sequential=False,)
# ---- cell 4
train_split, test_split = IMDB.splits(TEXT, LABEL)
# ---- cell 5
TEXT.build_vocab(train_split, vectors=GloVe(name='6B', dim=300), max_size=10000, min_freq=10)
LABEL.build_vocab(train_split,)
# ---- cell 6
train_it, test_it = data.BucketIterator.splits((train_split, test_split), batch_size=32, device=-1)
train_it.repeat = False
test_it.repeat = False


# ---- cell 7
class ReviewLSTM(nn.Module):
    def __init__(self, vocab, hidden, n_cat, bs=1, nl=2):
        super().__init__()
        self.hidden = hidden
        self.bs = bs
        self.nl = nl
        self.emb = nn.Embedding(vocab_size, hidden)
        self.rnn = nn.LSTM(hidden, hidden, nl)
        self.head = nn.Linear(hidden, n_cat)
        self.logsm = nn.LogSoftmax(dim=-1)

    def forward(self, tokens):
        bs = tokens.size()[1]
        if bs != self.bs:
            self.bs = bs
        e = self.emb(tokens)
        h0 = c0 = Variable(e.data.new(*(self.nl, self.bs, self.hidden)).zero_())
        out, _ = self.rnn(e, (h0, c0))
        out = out[-1]
        scores = F.dropout(self.head(out), p=0.8)
        return self.logsm(scores)


# ---- cell 8
vocab_size = len(TEXT.vocab)
n_hidden = 100
# ---- cell 9
net = ReviewLSTM(vocab_size, n_hidden, 3, bs=32)
net = net.cuda()
opt = optim.Adam(net.parameters(), lr=1e-3)


def fit(epoch, net, loader, phase='training', volatile=False):
    if phase == 'training':
        net.train()
    if phase == 'validation':
        net.eval()
        volatile = True
    running_loss = 0.0
    running_correct = 0
    for batch_idx, batch in enumerate(loader):
        text, target = batch.text, batch.label
        if use_gpu:
            text, target = text.cuda(), target.cuda()
        if phase == 'training':
            opt.zero_grad()
        out = net(text)
        loss = F.nll_loss(out, target)
        running_loss += F.nll_loss(out, target, size_average=False).data[0]  # expect: LG010
        preds = out.data.max(dim=1, keepdim=True)[1]
        running_correct += preds.eq(target.data.view_as(preds)).cpu().sum()
        if phase == 'training':
            loss.backward()
            opt.step()
    loss = running_loss / len(loader.dataset)
    accuracy = 100. * running_correct / len(loader.dataset)
    print(f'{phase} loss is {loss:{5}.{2}} and {phase} accuracy is {running_correct}/{len(loader.dataset)}{accuracy:{10}.{4}}')
    return loss, accuracy


# ---- cell 10
train_losses, train_acc = [], []
val_losses, val_acc = [], []
for epoch in range(1, 5):
    ep_loss, ep_acc = fit(epoch, net, train_it, phase='training')
    v_loss, v_acc = fit(epoch, net, test_it, phase='validation')
    train_losses.append(ep_loss)
    train_acc.append(ep_acc)
    val_losses.append(v_loss)
    val_acc.append(v_acc)
