"""part of positive project [LG001, LG006, LG011]: builds the encoders and DualEncoder, a CrossEntropyLoss, and SupervisedTrainer(loss_func=...).train(dual_encoder, ...)."""
# Source: https://github.com/IBM/dstc7-noesis noesis/sample.py at b0f2d6009b1e4519509843267e5fb3091242a879; re-typed,
# names changed, reduced.
from networks.dual_encoder import DualEncoder, Encoder
from torch.nn import CrossEntropyLoss
from trainers.supervised_trainer import SupervisedTrainer

vocab_size, max_len, hidden_size = 30000, 160, 128
train_data = None
loss_func = CrossEntropyLoss()
context_encoder = Encoder(vocab_size, max_len, hidden_size, bidirectional=True)
response_encoder = Encoder(vocab_size, max_len, hidden_size, bidirectional=True)
dual_encoder = DualEncoder(context_encoder, response_encoder)
t = SupervisedTrainer(loss_func=loss_func, batch_size=1, print_every=100)
t.train(dual_encoder, train_data, batch_size=1, num_epochs=20)
