"""part of positive project [LG004]: the lesson's entry script: builds the dataset and loader, both networks with the weight initialisation, and calls train_model for 200 epochs."""
# Source: tanik12/pytorch_practice at aff0168b, lesson_5/main.py; re-typed, identifiers renamed; the sample plotting at the end cut; the data loader
# module (lesson_5/data_loader.py) not reproduced, its names stay undefined here as imports.
import torch

from gan import Gen, Disc
from data_loader import make_datapath_list, ImageTransform, GanImageDataset
from train import init_weights, train_model

train_files = make_datapath_list()
train_set = GanImageDataset(file_list=train_files, transform=ImageTransform((0.5,), (0.5,)))
train_loader = torch.utils.data.DataLoader(train_set, batch_size=64, shuffle=True)

G = Gen(z_dim=20, image_size=64)
D = Disc(z_dim=20, image_size=64)
G.apply(init_weights)
D.apply(init_weights)

G_trained, D_trained = train_model(G, D, dataloader=train_loader, num_epochs=200)
