"""look-alike [LG006, LG007, LG001]: the INFO8010 PyTorch tutorial trains nn.Module classifiers with MSELoss appending loss.item(), then stacks a convolutional and a fully connected 'lego piece' (nn.Sequential ending in nn.LogSoftmax(dim=1)) into an outer nn.Sequential trained with nn.NLLLoss; validation sums .item() under torch.no_grad()."""
# Source: glouppe/info8010-deep-learning@4125dcedaf6e127c3933f32eaad302bc23e662a1 tutorials/pytorch-tutorial.ipynb
# the merge of PR #8 "update tutorials"; the nn.Module cells of the notebook (the earlier hand-written numpy/autograd cells, !date and
# the image display left out).
# ---- cell 6
import numpy as np
# ---- cell 10
import torch
# ---- cell 20
# To draw a progress bar.
from tqdm import tqdm_notebook as tqdm
# Plotting functionality
import matplotlib.pyplot as plt

# Optimization hyperparameters.
batch_size = 32
learning_rate = 1e-6
training_iterations = range(5000)

# Configuration of the neural network.
num_hidden = 1000
num_in = 100
num_out = 1
# ---- cell 35
class Classifier(torch.nn.Module):
    
    def __init__(self, num_hidden):
        super(Classifier, self).__init__() # Required
        self.m_1 = torch.nn.Linear(100, num_hidden)
        self.m_2 = torch.nn.Linear(num_hidden, 10)
        self.activation = torch.nn.ReLU()
        
    def forward(self, inputs):
        h_1 = self.m_1(inputs)
        a_1 = self.activation(h_1)
        h_2 = self.m_2(a_1)
        
        return h_2

# Allocate the classifier.
classifier = Classifier(num_hidden=1000)

# Allocate the optimizer.
optimizer = torch.optim.SGD(classifier.parameters(), lr=0.01)

# Pick a loss function.
# https://pytorch.org/docs/stable/nn.html#loss-functions
criterion = torch.nn.MSELoss(reduction="mean") # By default all losses use a `mean` reduction.

# Start the training procedure.
losses = []
for iteration in tqdm(training_iterations):
    # Fetch a batch of inputs and targets.
    inputs = torch.randn(batch_size, 100)
    targets = torch.randn(batch_size, 10)
    # Forward pass.
    y_pred = classifier(inputs)
    # Compute the loss.
    loss = criterion(y_pred, targets)
    losses.append(loss.item())
    # Backward pass.
    optimizer.zero_grad() # Clear gradient accumulation.
    loss.backward()
    optimizer.step()
    
# Show the loss over the training iterations.
plt.plot(training_iterations, losses, color="black")
plt.minorticks_on()
plt.xlabel("Iterations")
plt.ylabel("Loss")
plt.grid(True, alpha=.2)
plt.show()
# ---- cell 37
# Allocate the classifier.
classifier = torch.nn.Sequential(
    torch.nn.Linear(100, 1000),
    torch.nn.ReLU(),
    torch.nn.Linear(1000, 1000),
    torch.nn.ReLU(),
    torch.nn.Linear(1000, 10))

# Allocate the optimizer.
optimizer = torch.optim.SGD(classifier.parameters(), lr=0.01)

# Pick a loss function.
# https://pytorch.org/docs/stable/nn.html#loss-functions
criterion = torch.nn.MSELoss(reduction="mean") # By default all losses use a `mean` reduction.

# Start the training procedure.
losses = []
for iteration in tqdm(training_iterations):
    # Fetch a batch of inputs and targets.
    inputs = torch.randn(batch_size, 100)
    targets = torch.randn(batch_size, 10)
    # Forward pass.
    y_pred = classifier(inputs)
    # Compute the loss.
    loss = criterion(y_pred, targets)
    losses.append(loss.item())
    # Backward pass.
    optimizer.zero_grad() # Clear gradient accumulation.
    loss.backward()
    optimizer.step()
    
# Show the loss over the training iterations.
plt.plot(training_iterations, losses, color="black")
plt.minorticks_on()
plt.xlabel("Iterations")
plt.ylabel("Loss")
plt.grid(True, alpha=.2)
plt.show()
# ---- cell 42
import torchvision

# Data preprocessing steps (standardization).
transformations = torchvision.transforms.Compose([
    torchvision.transforms.ToTensor(),
    torchvision.transforms.Normalize((0.1307,), (0.3081,))])
# Allocate the training dataset (and download it).
dataset_train = torchvision.datasets.MNIST("data", train=True, download=True, transform=transformations)
# Allocate the validation dataset using the same pre-processing transformations.
dataset_validation = torchvision.datasets.MNIST("data", train=False, download=True, transform=transformations)
# ---- cell 46
class ConvolutionalLegoPiece(torch.nn.Module):
    
    def __init__(self):
        super(ConvolutionalLegoPiece, self).__init__()
        self.piece = torch.nn.Sequential(
            # First block.
            torch.nn.Conv2d(in_channels=1, out_channels=20, kernel_size=5, stride=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2), # Stride is set to `kernel_size` by default.
            # Second block.
            torch.nn.Conv2d(in_channels=20, out_channels=50, kernel_size=5, stride=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2))
        
    def forward(self, images):
        latents = self.piece(images)
        
        return latents
# ---- cell 48
class FullyConnectedLegoPiece(torch.nn.Module):
    
    def __init__(self, latent_dimensionality=4 * 4 * 50, num_hidden=1000, num_classes=10):
        super(FullyConnectedLegoPiece, self).__init__()
        self.z_dim = latent_dimensionality
        self.piece = torch.nn.Sequential(
            torch.nn.Linear(self.z_dim, num_hidden),
            torch.nn.ReLU(),
            torch.nn.Linear(num_hidden, num_hidden),
            torch.nn.ReLU(),
            torch.nn.Linear(num_hidden, num_hidden),
            torch.nn.ReLU(),
            torch.nn.Linear(num_hidden, num_classes),
            torch.nn.LogSoftmax(dim=1))
        
    def forward(self, latents):
        latents = latents.view(-1, self.z_dim)
        return self.piece(latents)
# ---- cell 51
def train(model, optimizer, dataset, batch_size=256, workers=4):
    model.train() # Ensure all modules are in `training` mode.
    data_loader = torch.utils.data.DataLoader(dataset, shuffle=True, batch_size=batch_size, num_workers=workers)
    data_loader = iter(data_loader)
    criterion = torch.nn.NLLLoss()
    iterations = range(len(dataset) // batch_size)
    for batch_index in tqdm(iterations):
        inputs, targets = next(data_loader)
        prediction = model(inputs)
        loss = criterion(prediction, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        
def validate(model, dataset, batch_size=256, workers=4):
    model.eval()
    data_loader = torch.utils.data.DataLoader(dataset, shuffle=True, batch_size=batch_size, num_workers=workers)
    total_loss = 0
    criterion = torch.nn.NLLLoss(reduction="sum")
    with torch.no_grad():
        for inputs, targets in data_loader:
            outputs = model(inputs)
            loss = criterion(outputs, targets).item()
            total_loss += loss
    total_loss / len(dataset)
    
    return total_loss
# ---- cell 53
# Allocate the classifier.
classifier = torch.nn.Sequential(
    ConvolutionalLegoPiece(),
    FullyConnectedLegoPiece(num_hidden=1000, num_classes=10))
# Allocate the optimizer.
optimizer = torch.optim.Adam(classifier.parameters())

num_epochs = 15
validation_losses = []
for epoch in tqdm(range(num_epochs)):
    train(classifier, optimizer, dataset_train)
    validation_loss = validate(classifier, dataset_validation)
    validation_losses.append(validation_loss)
    
# Plot the validation loss.
plt.plot(np.arange(len(validation_losses)), validation_losses, color="black")
plt.minorticks_on()
plt.xlabel("Epochs")
plt.ylabel("Validation loss")
plt.show()
