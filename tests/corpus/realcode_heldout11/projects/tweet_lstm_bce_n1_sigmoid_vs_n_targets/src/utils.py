"""part of positive project [LG005]: Preprocessing reads the 'target' column of the tweets CSV as a 1-D array and splits it into y_train and y_test."""
# Source: FernandoLpz/Text-Classification-LSTMs-PyTorch@2f8bada8190b76ca9bbe8f0694fb79da2c2a4d46 src/utils.py (read as is; its issue #9 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at main.py line 89; re-typed, identifiers renamed)
import pandas as pd
from keras.preprocessing import sequence
from keras.preprocessing.text import Tokenizer
from sklearn.model_selection import train_test_split


class Preprocessing:

    def __init__(self, args):
        self.data = '../data/tweets.csv'
        self.max_len = args.max_len
        self.max_words = args.max_words
        self.test_size = args.test_size

    def load_data(self):
        df = pd.read_csv(self.data)
        df.drop(['id', 'keyword', 'location'], axis=1, inplace=True)
        X = df['text'].values
        Y = df['target'].values
        self.x_train, self.x_test, self.y_train, self.y_test = train_test_split(X, Y, test_size=self.test_size)

    def prepare_tokens(self):
        self.tokens = Tokenizer(num_words=self.max_words)
        self.tokens.fit_on_texts(self.x_train)

    def sequence_to_token(self, x):
        seqs = self.tokens.texts_to_sequences(x)
        return sequence.pad_sequences(seqs, maxlen=self.max_len)
