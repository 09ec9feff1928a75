"""positive [LG001, LG011]: a personal tutorial collection's word2vec CBOW ends forward in F.log_softmax(x) without dim and trains it with nn.CrossEntropyLoss, which applies log-softmax again (the bag-of-words example it follows pairs the same forward with NLLLoss)."""
# Source: cdlwhm1217096231/PyTorch_Tutorials at 285bcfb0 (read as is), "Text classification/1. Basic Embedding
# Model/1-2.Word2Vec/Word2Vec_CBOW_Torch(Softmax).py"; re-typed, identifiers renamed; the second (word-string)
# dataset kept only for its length, which the source divides the running loss by; the Chinese comments and the
# dictionary prints cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
import torch.optim as optim
import numpy as np

WINDOW = 2
text = ("We are about to study the idea of a computational process. Computational processes are abstract beings "
        "that inhabit computers. As they evolve, processes manipulate other abstract things called data. The "
        "evolution of a process is directed by a pattern of rules called a program. People create programs to "
        "direct processes. In effect, we conjure the spirits of the computer with our spells.").split(' ')
vocab = list(set(text))
w2i = {w: i for i, w in enumerate(vocab)}
i2w = {i: w for i, w in enumerate(vocab)}

pairs = []
for i in range(WINDOW, len(text) - WINDOW):
    ctx = [w2i[text[i - 2]], w2i[text[i - 1]], w2i[text[i + 1]], w2i[text[i + 2]]]
    pairs.append((ctx, w2i[text[i]]))

word_pairs = []
for i in range(WINDOW, len(text) - WINDOW):
    word_pairs.append(([text[i - 2], text[i - 1], text[i + 1], text[i + 2]], text[i]))


class CBOW(nn.Module):
    def __init__(self, n_word, n_dim, context_size):
        super(CBOW, self).__init__()
        self.emb = nn.Embedding(n_word, n_dim)
        self.fc1 = nn.Linear(2 * context_size * n_dim, 128)
        self.fc2 = nn.Linear(128, n_word)

    def forward(self, x):
        x = self.emb(x)
        x = x.view(1, -1)
        x = self.fc1(x)
        x = F.relu(x, inplace=True)
        x = self.fc2(x)
        x = F.log_softmax(x)  # expect: LG011
        return x


model = CBOW(n_word=len(w2i), n_dim=100, context_size=WINDOW)
if torch.cuda.is_available():
    model = model.cuda()

criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=1e-3)

for epoch in range(100):
    running = 0
    for ctx, tgt in pairs:
        ctx_t = Variable(torch.LongTensor([ctx]))
        tgt_t = Variable(torch.LongTensor([tgt]))
        if torch.cuda.is_available():
            ctx_t = ctx_t.cuda()
            tgt_t = tgt_t.cuda()
        out = model(ctx_t)
        loss = criterion(out, tgt_t)  # expect: LG001
        running += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('Epoch:{}'.format(epoch + 1), "Loss:{:.4f}".format(running / len(word_pairs)))
