"""positive [LG013]: POS tagger builds its tag tensor with dtype=torch.float32 and passes it as the nn.NLLLoss target (NLL targets are always class indices)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

EMBEDDING_DIM = 32
HIDDEN_DIM = 32


class LSTMTagger(nn.Module):
    def __init__(self, vocab_size, tagset_size):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, EMBEDDING_DIM)
        self.lstm = nn.LSTM(EMBEDDING_DIM, HIDDEN_DIM)
        self.hidden2tag = nn.Linear(HIDDEN_DIM, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
        return F.log_softmax(tag_space, dim=1)


def prepare(seq, to_ix, dtype):
    return torch.tensor([to_ix[w] for w in seq], dtype=dtype)


training_data = [
    ("the dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
    ("everybody read that book".split(), ["NN", "V", "DET", "NN"]),
]
word_to_ix = {}
for sent, _ in training_data:
    for w in sent:
        word_to_ix.setdefault(w, len(word_to_ix))
tag_to_ix = {"DET": 0, "NN": 1, "V": 2}

model = LSTMTagger(len(word_to_ix), len(tag_to_ix))
loss_function = nn.NLLLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(300):
    for sentence, tags in training_data:
        model.zero_grad()
        sentence_in = prepare(sentence, word_to_ix, torch.long)
        targets = prepare(tags, tag_to_ix, torch.float32)
        tag_scores = model(sentence_in)
        loss = loss_function(tag_scores, targets)  # expect: LG013
        loss.backward()
        optimizer.step()
