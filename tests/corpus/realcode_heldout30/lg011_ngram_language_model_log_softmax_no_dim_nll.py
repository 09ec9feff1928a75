"""positive [LG011]: a 2018 exercise script training a trigram language model on a sonnet: the model's forward returns F.log_softmax(out) without dim (implicit dim 1 for its (1, V) output), read by nn.NLLLoss; the running loss sums loss.data[0], outside the graph."""
# Source: PouringRain/PyTorch-Exercise at 2b1d3379, nlp/n-gram.py; re-typed, identifiers renamed; the sonnet text
# shortened to its first lines; the rest kept as in the source.
import torch
from torch import nn, optim
import torch.nn.functional as F
from torch.autograd import Variable

CONTEXT_SIZE = 2
EMBEDDING_DIM = 10

text = """When forty winters shall besiege thy brow,
And dig deep trenches in thy beauty's field,
Thy youth's proud livery so gazed on now,
Will be a totter'd weed of small worth held:""".split()

trigrams = [((text[i], text[i + 1]), text[i + 2]) for i in range(len(text) - 2)]

vocab = set(text)
word_to_idx = {word: i for i, word in enumerate(vocab)}
idx_to_word = {word_to_idx[word]: word for word in vocab}


class TrigramModel(nn.Module):
    def __init__(self, vocab_size, context_size, n_dim):
        super(TrigramModel, self).__init__()
        self.n_words = vocab_size
        self.embedding = nn.Embedding(self.n_words, n_dim)
        self.linear1 = nn.Linear(context_size * n_dim, 128)
        self.linear2 = nn.Linear(128, self.n_words)

    def forward(self, x):
        emb = self.embedding(x)
        emb = emb.view(1, -1)
        out = self.linear1(emb)
        out = F.relu(out)
        out = self.linear2(out)
        log_prob = F.log_softmax(out)  # expect: LG011
        return log_prob


model = TrigramModel(len(word_to_idx), CONTEXT_SIZE, 100)
print(model)

loss_func = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=1e-3)

for epoch in range(100):
    running_loss = 0
    for data in trigrams:
        words, label = data
        x = Variable(torch.LongTensor([word_to_idx[i] for i in words]))
        y = Variable(torch.LongTensor([word_to_idx[label]]))
        pred = model(x)
        loss = loss_func(pred, y)
        running_loss += loss.data[0]
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('Loss: {:.6f}'.format(running_loss / len(word_to_idx)))

words, label = trigrams[3]
words = Variable(torch.LongTensor([word_to_idx[i] for i in words]))
out = model(words)
_, predicted = torch.max(out, 1)
print('real word is {}, predict word is {}'.format(label, idx_to_word[predicted.data[0]]))
