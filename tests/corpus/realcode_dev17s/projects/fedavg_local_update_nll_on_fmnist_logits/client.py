"""part of positive project [LG007]: each client's local update trains the model it is given with NLLLoss."""

# Source: AshwinRJ/Federated-Learning-PyTorch@26eaec4 src/update.py (cut, renamed)
import torch
from torch import nn
from torch.utils.data import DataLoader


class ClientUpdate:
    def __init__(self, args, dataset):
        self.args = args
        self.device = "cuda" if args.gpu else "cpu"
        self.loader = DataLoader(dataset, batch_size=args.local_bs, shuffle=True)
        self.criterion = nn.NLLLoss().to(self.device)

    def train_local(self, model):
        model.train()
        optimizer = torch.optim.SGD(model.parameters(), lr=self.args.lr, momentum=0.5)
        epoch_loss = []
        for _ in range(self.args.local_ep):
            batch_loss = []
            for images, labels in self.loader:
                images, labels = images.to(self.device), labels.to(self.device)
                model.zero_grad()
                log_probs = model(images)
                loss = self.criterion(log_probs, labels)  # expect: LG007
                loss.backward()
                optimizer.step()
                batch_loss.append(loss.item())
            epoch_loss.append(sum(batch_loss) / len(batch_loss))
        return model.state_dict(), sum(epoch_loss) / len(epoch_loss)
