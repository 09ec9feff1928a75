"""positive [LG007]: a BiLSTM POS tagger returns the raw hidden2tag Linear scores and trains them with nn.NLLLoss (no log_softmax anywhere)."""
import torch
import torch.nn as nn


class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, tagset_size, embedding_dim=100, hidden_dim=128):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim // 2, bidirectional=True, batch_first=True)
        self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds)
        tag_space = self.hidden2tag(lstm_out)
        return tag_space


def train(training_data, word_to_ix, tag_to_ix, epochs=30):
    tagger = BiLSTMTagger(len(word_to_ix), len(tag_to_ix))
    loss_function = nn.NLLLoss(ignore_index=-1)
    optimizer = torch.optim.SGD(tagger.parameters(), lr=0.1)
    for epoch in range(epochs):
        for sentence_ids, tag_ids in training_data:
            tagger.zero_grad()
            tag_scores = tagger(sentence_ids)
            n_tags = tag_scores.size(-1)
            loss = loss_function(tag_scores.view(-1, n_tags), tag_ids.view(-1))  # expect: LG007
            loss.backward()
            optimizer.step()
