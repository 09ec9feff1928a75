"""part of positive project [LG016]: the example script builds Semi_VAE for the Tennessee Eastman process data and trains it epoch by epoch."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), the example pattern of fuzz/run/*.py; re-typed, identifiers renamed
# (load_te_data stands for the cut data loading).
from fuzz.model.variant import Semi_VAE

train_loader, n_features = load_te_data(batch_size=32)
model = Semi_VAE(struct=[n_features, 600, 200, 30], hidden_func=['r', 'r'], n_category=22, dvc='cpu',
                 train_loader=train_loader)
for epoch in range(1, 41):
    model.batch_training(epoch)
