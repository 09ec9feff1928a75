"""part of look-alike project [LG001, LG007]: the model ends in LogSoftmax by default; both the plain loop and the LightningModule score it with NLLLoss."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False and switches this tutorial to CrossEntropyLoss),
# examples/model_building/plot_train_in_pure_pytorch_and_pytorch_lightning.py; re-typed; dataset loading,
# preprocessing, windowing, progress-bar text and the prose comments cut; input_window_samples= written as its
# non-deprecated name n_times=.
import lightning as L
import torch
from torch.nn import Module
from torch.utils.data import DataLoader
from torchmetrics.functional import accuracy
from tqdm import tqdm

from braindecode.models import ShallowFBCSPNet

cuda = torch.cuda.is_available()
device = "cuda" if cuda else "cpu"
n_classes = 4
n_channels = windows_dataset[0][0].shape[0]
input_window_samples = windows_dataset[0][0].shape[1]

model = ShallowFBCSPNet(
    n_channels,
    n_classes,
    n_times=input_window_samples,
    final_conv_length="auto",
)
if cuda:
    model.cuda()

splitted = windows_dataset.split("session")
train_set = splitted["0train"]
test_set = splitted["1test"]

lr = 0.0625 * 0.01
weight_decay = 0
batch_size = 64
n_epochs = 2


def train_one_epoch(dataloader: DataLoader, model: Module, loss_fn, optimizer, scheduler, epoch: int, device, print_batch_stats=True):
    model.train()
    train_loss, correct = 0.0, 0.0
    progress_bar = tqdm(enumerate(dataloader), total=len(dataloader), disable=not print_batch_stats)
    for batch_idx, (X, y, _) in progress_bar:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        pred = model(X)
        loss = loss_fn(pred, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        train_loss += loss.item()
        correct += (pred.argmax(1) == y).sum().item()
        if print_batch_stats:
            progress_bar.set_description(f"Epoch {epoch}/{n_epochs}, Batch {batch_idx + 1}/{len(dataloader)}, Loss: {loss.item():.6f}")
    scheduler.step()
    correct /= len(dataloader.dataset)
    return train_loss / len(dataloader), correct


@torch.no_grad()
def test_model(dataloader: DataLoader, model: Module, loss_fn, print_batch_stats=True):
    size = len(dataloader.dataset)
    n_batches = len(dataloader)
    model.eval()
    test_loss, correct = 0.0, 0.0
    for batch_idx, (X, y, _) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        pred = model(X)
        batch_loss = loss_fn(pred, y).item()
        test_loss += batch_loss
        correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= n_batches
    correct /= size
    return test_loss, correct


optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=n_epochs - 1)
loss_fn = torch.nn.NLLLoss()

train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
test_loader = DataLoader(test_set, batch_size=batch_size)

for epoch in range(1, n_epochs + 1):
    train_loss, train_accuracy = train_one_epoch(train_loader, model, loss_fn, optimizer, scheduler, epoch, device)
    test_loss, test_accuracy = test_model(test_loader, model, loss_fn)


class LitModule(L.LightningModule):
    def __init__(self, module):
        super().__init__()
        self.module = module
        self.loss = torch.nn.NLLLoss()

    def training_step(self, batch, batch_idx):
        x, y, _ = batch
        y_hat = self.module(x)
        loss = self.loss(y_hat, y)
        self.log("train_loss", loss)
        return loss

    def test_step(self, batch, batch_idx):
        x, y, _ = batch
        y_hat = self.module(x)
        loss = self.loss(y_hat, y)
        acc = accuracy(y_hat, y, "multiclass", num_classes=4)
        metrics = {"test_acc": acc, "test_loss": loss}
        self.log_dict(metrics)
        return metrics

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=n_epochs - 1)
        return [optimizer], [scheduler]


trainer = L.Trainer(max_epochs=n_epochs)
lit_model = LitModule(model)
trainer.fit(lit_model, train_loader)
trainer.test(dataloaders=test_loader)
