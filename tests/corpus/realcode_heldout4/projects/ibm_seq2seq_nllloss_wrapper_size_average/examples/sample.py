"""part of positive project [LG010]: the example builds Perplexity (the library's nn.NLLLoss wrapper with size_average=False), a Seq2seq whose decode function defaults to F.log_softmax, and trains them with SupervisedTrainer (the decoder output reaching NLLLoss is log-probabilities, so NLLLoss itself is used correctly)."""
# Source: https://github.com/IBM/pytorch-seq2seq examples/sample.py at f146087a9a271e9b50f46561e090324764b081fb (pull request #190 "replace size_average param", closed
# unmerged); re-typed, names changed, reduced (torchtext fields, checkpoint loading and the prediction loop left out).
import torch

from seq2seq.loss import Perplexity
from seq2seq.models import DecoderRNN, EncoderRNN, Seq2seq
from seq2seq.trainer import SupervisedTrainer

weight = torch.ones(len(tgt.vocab))
pad = tgt.vocab.stoi[tgt.pad_token]
loss = Perplexity(weight, pad)
if torch.cuda.is_available():
    loss.cuda()

hidden_size = 128
bidirectional = True
encoder = EncoderRNN(len(src.vocab), max_len, hidden_size, bidirectional=bidirectional, variable_lengths=True)
decoder = DecoderRNN(len(tgt.vocab), max_len, hidden_size * 2 if bidirectional else hidden_size, dropout_p=0.2,
                     use_attention=True, bidirectional=bidirectional, eos_id=tgt.eos_id, sos_id=tgt.sos_id)
seq2seq = Seq2seq(encoder, decoder)
for param in seq2seq.parameters():
    param.data.uniform_(-0.08, 0.08)

trainer = SupervisedTrainer(loss=loss, batch_size=32, checkpoint_every=50, print_every=10, expt_dir=opt.expt_dir)
seq2seq = trainer.train(seq2seq, train, num_epochs=6, dev_data=dev, optimizer=None, teacher_forcing_ratio=0.5)
