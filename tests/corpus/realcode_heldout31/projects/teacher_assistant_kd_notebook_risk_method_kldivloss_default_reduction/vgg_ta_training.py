"""part of positive project [LG009]: notebook cells that train the teacher-assistant CNN through its risk() method on cached teacher outputs."""
# Source: AKSHATA-22/cs682-knowledge-distillation at 8d2cd444cacae2977e5d3e7f4c19298eec42727b src/vgg_TA_training.ipynb (the .py text of the code cells; dataset extraction shortened; the TensorFlow device probe, the dill-loaded teacher, the torch.save/torch.load cache per batch and the loop kept)
import tensorflow as tf
import torch
from torchvision import datasets, transforms
from torch.utils.data import DataLoader
from torch.utils.data import sampler

# %%
transform = transforms.Compose([
    transforms.Resize((224, 224)),
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])
train_dataset = datasets.ImageFolder(root="./imagenette/imagenette2/train", transform=transform)
val_dataset = datasets.ImageFolder(root="./imagenette/imagenette2/val", transform=transform)
batch_size = 8
train_loader = DataLoader(train_dataset, batch_size=batch_size,
                          sampler=sampler.SubsetRandomSampler(range(len(train_dataset))))
val_loader = DataLoader(val_dataset, batch_size=batch_size,
                        sampler=sampler.SubsetRandomSampler(range(1000)))

# %%
torch.cuda.set_per_process_memory_fraction(0.95, device=0)

# %%
from TACNNModel.TACNN import AssistantCNN

alpha = 0.5
temperature = 3

import dill
with open("model.pkl", "rb") as f:
    teacher_model = dill.load(f)

assistant = AssistantCNN(alpha=alpha, temperature=temperature, num_of_classes=10)

device = 'cuda' if len(tf.config.list_physical_devices('GPU')) != 0 else 'cpu'
teacher_model.to(device)
assistant.to(device)

# %%
for batch_idx, (images, _) in enumerate(train_loader):
    images = images.to(device, dtype=torch.float32)
    torch.save(teacher_model(images), f"outputs/Teacher_VGG/teacher_outputs_{batch_idx}.pt")


# %%
def check_accuracy(loader, model):
    num_correct = 0
    num_samples = 0
    model.eval()
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=torch.float32)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print('Got %d / %d correct (%.2f)' % (num_correct, num_samples, 100 * acc))


# %%
import torch.optim as optim

optimizer = optim.Adam(assistant.parameters(), lr=0.01)
torch.set_grad_enabled(True)

num_epochs = 50
print_every = 100

for epoch in range(num_epochs):
    for batch_idx, (images, labels) in enumerate(train_loader):
        assistant.train()

        images = images.to(device, dtype=torch.float32)
        labels = labels.to(device, dtype=torch.long)

        assistant_output = assistant(images)
        teacher_output = torch.load(f"outputs/Teacher_VGG/teacher_outputs_{batch_idx}.pt")

        loss = assistant.risk(Y=labels, teacher_preds=teacher_output, output=assistant_output)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if batch_idx % print_every == 0:
            print('Iteration %d, loss = %.4f' % (batch_idx, loss.item()))
            check_accuracy(val_loader, assistant)

        torch.cuda.empty_cache()
        del assistant_output, teacher_output, images, labels, loss

    print(f"Epoch {epoch} complete")
