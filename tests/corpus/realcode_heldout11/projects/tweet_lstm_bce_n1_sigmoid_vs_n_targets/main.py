"""part of positive project [LG005]: Execute.train batches (text, label) pairs with a DataLoader (labels of shape (N,)) and calls F.binary_cross_entropy on the model's (N, 1) probabilities against them."""
# Source: FernandoLpz/Text-Classification-LSTMs-PyTorch@2f8bada8190b76ca9bbe8f0694fb79da2c2a4d46 main.py (read as is; its issue #9 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at main.py line 89; re-typed, identifiers renamed, the accuracy helper shortened)
import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset

from src import Preprocessing
from src import TweetClassifier
from src import parameter_parser


class DatasetMaper(Dataset):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


class Execute:

    def __init__(self, args):
        self.__init_data__(args)
        self.args = args
        self.batch_size = args.batch_size
        self.model = TweetClassifier(args)

    def __init_data__(self, args):
        self.prep = Preprocessing(args)
        self.prep.load_data()
        self.prep.prepare_tokens()
        self.y_train = self.prep.y_train
        self.y_test = self.prep.y_test
        self.x_train = self.prep.sequence_to_token(self.prep.x_train)
        self.x_test = self.prep.sequence_to_token(self.prep.x_test)

    def train(self):
        train_set = DatasetMaper(self.x_train, self.y_train)
        test_set = DatasetMaper(self.x_test, self.y_test)
        self.loader_training = DataLoader(train_set, batch_size=self.batch_size)
        self.loader_test = DataLoader(test_set)
        optimizer = optim.RMSprop(self.model.parameters(), lr=self.args.learning_rate)
        for epoch in range(self.args.epochs):
            preds = []
            self.model.train()
            for x_batch, y_batch in self.loader_training:
                x = x_batch.type(torch.LongTensor)
                y = y_batch.type(torch.FloatTensor)
                y_pred = self.model(x)
                loss = F.binary_cross_entropy(y_pred, y)  # expect: LG005
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                preds += list(y_pred.squeeze().detach().numpy())
            test_preds = self.evaluation()
            print("Epoch: %d, loss: %.5f" % (epoch + 1, loss.item()))

    def evaluation(self):
        preds = []
        self.model.eval()
        with torch.no_grad():
            for x_batch, y_batch in self.loader_test:
                x = x_batch.type(torch.LongTensor)
                y_pred = self.model(x)
                preds += list(y_pred.detach().numpy())
        return preds


if __name__ == "__main__":
    args = parameter_parser()
    Execute(args).train()
