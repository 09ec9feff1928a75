"""positive [LG006]: a federated client's on-device training builds its model class from a setting held by the device, and adds each batch's CrossEntropyLoss tensor to epoch_loss for the epoch's report (the fix adds .item())."""

# Source: RinghioW/federated-learning@49198b4a5c device.py, fixed in fb8f4884b9 (cut, renamed)
import torch
import torchvision.transforms as transforms

from config import DEVICE


class Device():
    def __init__(self, id) -> None:
        self.id = id
        self.config = None
        self.dataset = None
        self.model = None  # Model class (NOT instance)
        self.model_params = None
        self.path = None
        self.has_checkpoint = False

    def train(self, epochs):
        if len(self.dataset) == 0:
            return
        net = self.model(**self.model_params)
        optimizer = torch.optim.Adam(net.parameters(), lr=0.0001)
        if self.has_checkpoint:
            checkpoint = torch.load(self.path + f"device_{self.config['id']}.pt")
            net.load_state_dict(checkpoint['model_state_dict'], strict=False, assign=True)
            optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
        else:
            self.has_checkpoint = True
        net.train()

        to_tensor = transforms.ToTensor()
        dataset = self.dataset.map(lambda img: {"img": to_tensor(img)}, input_columns="img").with_format("torch")
        trainloader = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=True)
        criterion = torch.nn.CrossEntropyLoss()
        for epoch in range(epochs):
            correct, total, epoch_loss = 0, 0, 0.0
            for batch in trainloader:
                images, labels = batch["img"].to(DEVICE), batch["label"].to(DEVICE)
                optimizer.zero_grad()
                outputs = net(images)
                loss = criterion(outputs, labels)
                loss.backward()
                optimizer.step()
                epoch_loss += loss  # expect: LG006
                total += labels.size(0)
                correct += (torch.max(outputs.data, 1)[1] == labels).sum().item()
            epoch_loss /= len(trainloader.dataset)
            print(f"D{self.config['id']}, e{epoch+1} - Loss: {epoch_loss: .4f}, Accuracy: {correct / total: .3f}")
