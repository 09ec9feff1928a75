"""positive [LG001], missed: the recommender's classification head ends in `activation_func('softmax')`, an nn.Softmax, built under `if classification:` whose default (True) the construction leaves in place; the local update gives the wrapped model's output to CrossEntropyLoss."""

# Source: khanhnamle1994/MetaRec@b5e36cb Meta-Learning/MAMO/utils.py, modules/rec_model.py, models.py, mamoRec.py (re-typed, renamed, cut to the head and the local update)
import torch


def activation_func(name):
    name = name.lower()
    if name == "sigmoid":
        return torch.nn.Sigmoid()
    elif name == "relu":
        return torch.nn.ReLU()
    elif name == "softmax":
        return torch.nn.Softmax()  # expect: LG011
    else:
        return torch.nn.Sequential()


class RatingHead(torch.nn.Module):
    def __init__(self, embedding_dim, n_y, n_layer, activation="sigmoid", classification=True):
        super().__init__()
        width = embedding_dim * 2
        self.mem_layer = torch.nn.Linear(width, width)
        layers = []
        for _ in range(n_layer - 1):
            layers.append(torch.nn.Linear(width, width // 2))
            width = width // 2
            layers.append(activation_func(activation))
        self.fc = torch.nn.Sequential(*layers)
        if classification:
            finals = [torch.nn.Linear(width, n_y), activation_func("softmax")]
        else:
            finals = [torch.nn.Linear(width, 1)]
        self.final_layer = torch.nn.Sequential(*finals)

    def forward(self, user_emb, item_emb):
        x = torch.cat([user_emb, item_emb], 1)
        return self.final_layer(self.fc(self.mem_layer(x)))


class Recommender(torch.nn.Module):
    def __init__(self, user_embedding, item_embedding, head):
        super().__init__()
        self.user_embedding = user_embedding
        self.item_embedding = item_embedding
        self.head = head

    def forward(self, users, items):
        return self.head(self.user_embedding(users), self.item_embedding(items))


class LocalUpdate:
    def __init__(self, model, loader, n_loop, lr):
        self.model = model
        self.loader = loader
        self.n_loop = n_loop
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=lr)
        self.loss_fn = torch.nn.CrossEntropyLoss()

    def train(self):
        for _ in range(self.n_loop):
            for users, items, y in self.loader:
                pred_y = self.model(users, items)
                loss = self.loss_fn(pred_y, y)  # expect: LG001
                self.optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
                self.optimizer.step()


if __name__ == "__main__":
    head = RatingHead(32, 5, 2, activation="relu")
    model = Recommender(torch.nn.Embedding(100, 32), torch.nn.Embedding(200, 32), head)
    LocalUpdate(model, support_loader, 3, 5e-5).train()
