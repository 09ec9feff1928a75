"""look-alike [LG002, LG001, LG004]: the video course's mushroom classifier ends in softmax(dim=-1) over two classes and trains with torch.nn.BCELoss against one-hot rows taken from torch.eye (float32): bounded probabilities against float targets, no cross-entropy involved."""
# Source: PacktPublishing/PyTorch-Deep-Learning-in-7-Days at af34d07b (read as is), 3-2_3.py; re-typed, identifiers
# renamed; the long explanatory comments and the identity-matrix demonstration cells cut.
import pandas
import sklearn.metrics
import torch
from torch.utils.data import Dataset


class OneHot():
    def __init__(self, series):
        values = series.unique()
        self.index = {v: i for i, v in enumerate(values)}
        self.rows = torch.eye(len(values), len(values))

    def __getitem__(self, value):
        return self.rows[self.index[value]]


class CategoricalTable(Dataset):
    def __init__(self, path, target_column):
        self.frame = pandas.read_csv(path)
        self.target_column = target_column
        self.encoders = {}
        for name, series in self.frame.items():
            self.encoders[name] = OneHot(series)

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, index):
        if type(index) is torch.Tensor:
            index = index.item()
        row = self.frame.iloc[index]
        target = self.encoders[self.target_column][row[self.target_column]]
        parts = []
        for name, value in row.items():
            if name != self.target_column:
                parts.append(self.encoders[name][value])
        return torch.cat(parts), target


table = CategoricalTable('./mushrooms.csv', 'class')


class Model(torch.nn.Module):
    def __init__(self, n_in, n_out, size=128):
        super().__init__()
        self.l1 = torch.nn.Linear(n_in, size)
        self.a1 = torch.nn.ReLU()
        self.l2 = torch.nn.Linear(size, size)
        self.a2 = torch.nn.ReLU()
        self.head = torch.nn.Linear(size, n_out)

    def forward(self, inputs):
        h = self.a1(self.l1(inputs))
        h = self.a2(self.l2(h))
        h = self.head(h)
        return torch.nn.functional.softmax(h, dim=-1)


model = Model(table[0][0].shape[0], table[0][1].shape[0])
opt = torch.optim.Adam(model.parameters())
criterion = torch.nn.BCELoss()

n_test = int(len(table) * 0.05)
n_train = len(table) - n_test
train, test = torch.utils.data.random_split(table, [n_train, n_test])
training = torch.utils.data.DataLoader(train, batch_size=16, shuffle=True)
for epoch in range(4):
    for inputs, targets in training:
        opt.zero_grad()
        probs = model(inputs)
        loss = criterion(probs, targets)
        loss.backward()
        opt.step()
    print("Loss: {0}".format(loss))

testing = torch.utils.data.DataLoader(test, batch_size=len(test), shuffle=False)
for inputs, targets in testing:
    guesses = model(inputs).argmax(dim=1).numpy()
    actual = targets.argmax(dim=1).numpy()
    print(sklearn.metrics.accuracy_score(actual, guesses))
print(sklearn.metrics.classification_report(actual, guesses))
