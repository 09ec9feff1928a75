"""part of positive project [LG005]: the settings of a study repository's anime-face DCGAN: 64-image batches of 96x96 pictures."""
# Source: Jarlonyan/pytorch_learning at 89868b82 (read as is), gan_network/conf.py; re-typed.
batch_size = 64
image_size = 96
nz = 100
ngf = 64
ndf = 64
epoch = 25
lr = 0.0002
beta1 = 0.5
data_path = "data/"
checkpoints = "checkpoints/"
