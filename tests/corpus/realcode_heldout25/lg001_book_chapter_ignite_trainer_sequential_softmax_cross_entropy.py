"""positive [LG001]: a book chapter's notebook (exported as a script) builds an nn.Sequential MLP whose last layer is nn.Softmax(dim=1) and hands it, with nn.CrossEntropyLoss(), to PyTorch-Ignite's create_supervised_trainer: Ignite computes the cross entropy of softmax probabilities every iteration."""
# Source: rasbt/python-machine-learning-book-3rd-edition at bf62496f (read as is; added in c8efca1 "pytorch ignite
# section"), ch13/ch13_part3.py (the script exported from ch13_part3.ipynb); re-typed, identifiers renamed; the
# checkpoint, early-stopping and tensorboard handlers shortened.
import torch
import torch.nn as nn
from ignite.engine import Events, create_supervised_evaluator, create_supervised_trainer
from ignite.handlers import Checkpoint, DiskSaver
from ignite.metrics import Accuracy, Loss
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.datasets import MNIST

torch.manual_seed(1)
transform = transforms.Compose([transforms.ToTensor()])
train_ds = MNIST(root='./', train=True, transform=transform, download=True)
val_ds = MNIST(root='./', train=False, transform=transform, download=False)
batch_size = 64
train_loader = DataLoader(train_ds, batch_size, shuffle=True)
val_loader = DataLoader(val_ds, batch_size, shuffle=False)


def build_mlp(image_shape=(1, 28, 28), hidden_units=(32, 16)):
    in_size = image_shape[0] * image_shape[1] * image_shape[2]
    layers = [nn.Flatten()]
    for h in hidden_units:
        layers.append(nn.Linear(in_size, h))
        layers.append(nn.ReLU())
        in_size = h
    layers.append(nn.Linear(hidden_units[-1], 10))
    layers.append(nn.Softmax(dim=1))
    return nn.Sequential(*layers)


device = "cuda" if torch.cuda.is_available() else "cpu"
net = build_mlp().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=0.001)

trainer = create_supervised_trainer(net, optimizer, criterion, device=device)  # expect: LG001
val_metrics = {"accuracy": Accuracy(), "loss": Loss(criterion)}
evaluator = create_supervised_evaluator(net, metrics=val_metrics, device=device)


@trainer.on(Events.ITERATION_COMPLETED(every=100))
def log_training_loss():
    print(f"Epoch[{trainer.state.epoch}] Iter[{trainer.state.iteration}] Loss: {trainer.state.output:.2f}")


@trainer.on(Events.EPOCH_COMPLETED)
def log_validation_results():
    m = evaluator.run(val_loader).metrics
    print(f"Validation - Epoch[{trainer.state.epoch}] Avg Accuracy: {m['accuracy']:.2f} Avg Loss: {m['loss']:.2f}")


to_save = {"model": net, "optimizer": optimizer, "trainer": trainer}
handler = Checkpoint(to_save, DiskSaver(dirname="./output", require_empty=False), n_saved=2)
trainer.add_event_handler(Events.EPOCH_COMPLETED, handler)
trainer.run(train_loader, max_epochs=5)
